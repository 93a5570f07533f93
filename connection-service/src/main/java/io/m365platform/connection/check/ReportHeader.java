package io.m365platform.connection.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Just enough CSV to read the first rows of a usage report: RFC 4180 fields (quotes, doubled quotes), the UTF-8
 * BOM Graph puts before the header, columns found by header name (their order changes over time).
 */
final class ReportHeader {

    /** How a concealed name looks: 32 upper-case hex characters (an MD5-like hash). */
    static final Pattern CONCEALED = Pattern.compile("^[0-9A-F]{32}$");

    private ReportHeader() {
    }

    static List<String> fields(String line) {
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString().stripTrailing());
        return out;
    }

    static boolean looksConcealed(String userPrincipalName) {
        return userPrincipalName != null && CONCEALED.matcher(userPrincipalName.trim()).matches();
    }
}
