package io.m365platform.graphsim.drive;

import io.m365platform.graphsim.model.User;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic OneDrive content of a seeded user: a few folders (Documents, Projects, Photos…) with Office files,
 * PDFs and pictures directly in them and at the root. Accounts created after seeding get an empty drive.
 */
final class DriveGenerator {
    private DriveGenerator() {
    }

    private static final String[] FOLDERS = {"Documents", "Projects", "Photos", "Archive", "Shared material"};
    private static final String[] FILES = {"Budget 2025.xlsx", "Roadmap.pptx", "Meeting notes.docx", "Contract draft.docx",
            "Invoice 1042.pdf", "Team offsite.jpg", "Architecture.png", "Readme.txt", "Quarterly report.pdf", "Übersicht.xlsx"};

    static Drive generate(long seed, User u, boolean seeded, Instant seededBefore) {
        SplittableRandom r = new SplittableRandom(seed * 0x632BE59BD9B4E019L ^ u.id().toLowerCase(Locale.ROOT).hashCode());
        Instant start = u.createdDateTime() != null ? u.createdDateTime() : seededBefore.minusSeconds(400L * 86400);
        String driveId = DriveIds.driveId(seed, u.id());
        Map<String, DriveItem> items = new LinkedHashMap<>();
        String rootId = DriveIds.itemId(r);
        items.put(rootId, new DriveItem(rootId, null, "root", true, 0, null, start, start, u.id(), u.id(), 1));
        if (seeded) {
            long span = Math.max(86400, seededBefore.getEpochSecond() - start.getEpochSecond());
            int folders = 1 + r.nextInt(FOLDERS.length);
            String[] parents = new String[folders + 1];
            parents[0] = rootId;
            for (int f = 0; f < folders; f++) {
                Instant created = start.plusSeconds((long) (r.nextDouble() * span * 0.5));
                String id = DriveIds.itemId(r);
                items.put(id, new DriveItem(id, rootId, FOLDERS[f], true, 0, null, created, created, u.id(), u.id(), 1));
                parents[f + 1] = id;
            }
            int files = 2 + r.nextInt(8);
            for (int i = 0; i < files; i++) {
                String parent = parents[r.nextInt(parents.length)];
                String name = FILES[r.nextInt(FILES.length)];
                if (itemNamed(items, parent, name)) {
                    continue;
                }
                Instant created = start.plusSeconds((long) (r.nextDouble() * span));
                Instant modified = created.plusSeconds((long) (r.nextDouble() * Math.max(1, seededBefore.getEpochSecond() - created.getEpochSecond())));
                String id = DriveIds.itemId(r);
                items.put(id, new DriveItem(id, parent, name, false, 2_000 + r.nextInt(4_000_000), DriveIds.mimeType(name),
                        created, modified, u.id(), u.id(), 1 + r.nextInt(5)));
            }
        }
        return new Drive(driveId, u.id(), rootId, items);
    }

    private static boolean itemNamed(Map<String, DriveItem> items, String parent, String name) {
        return items.values().stream().anyMatch(i -> parent.equals(i.parentId()) && i.name().equalsIgnoreCase(name));
    }
}
