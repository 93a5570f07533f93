package io.m365platform.graphsim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A downloaded report CSV: BOM detected, header kept, rows addressable by column name (test helper). */
public final class CsvTable {
    public final boolean bom;
    public final List<String> header;
    public final List<Map<String, String>> rows;

    private CsvTable(boolean bom, List<String> header, List<Map<String, String>> rows) {
        this.bom = bom;
        this.header = header;
        this.rows = rows;
    }

    public static CsvTable parse(byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
        String text = new String(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0), StandardCharsets.UTF_8);
        List<List<String>> records = records(text);
        List<String> header = records.isEmpty() ? List.of() : records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(Math.min(1, records.size()), records.size())) {
            if (r.size() != header.size()) {
                throw new AssertionError("Row has " + r.size() + " cells, header " + header.size() + ": " + r);
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            rows.add(m);
        }
        return new CsvTable(bom, header, rows);
    }

    /** RFC 4180 records (quoted cells may hold commas, quotes and line breaks). */
    private static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    row.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                }
                case '\r' -> {
                }
                case '\n' -> {
                    row.add(cell.toString());
                    out.add(row);
                    row = new ArrayList<>();
                    cell.setLength(0);
                    any = false;
                }
                default -> {
                    cell.append(c);
                    any = true;
                }
            }
        }
        if (any) {
            row.add(cell.toString());
            out.add(row);
        }
        return out;
    }

    public Map<String, String> rowWhere(String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("No row with " + column + " = " + value));
    }

    public List<String> column(String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }

    @Override
    public String toString() {
        return header + " + " + rows.size() + " rows" + (rows.isEmpty() ? "" : ", first " + Arrays.asList(rows.get(0).values().toArray()));
    }
}
