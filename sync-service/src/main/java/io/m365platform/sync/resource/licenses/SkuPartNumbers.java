package io.m365platform.sync.resource.licenses;

import io.m365platform.sync.engine.RunScope;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/** skuId → skuPartNumber of a connection's subscribed SKUs (small: one row per SKU), for license assignments. */
public final class SkuPartNumbers {

    private SkuPartNumbers() {
    }

    public static Map<String, String> load(RunScope run) {
        return run.engine().jdbc().withConnection(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select object_id, sku_part_number from subscribed_skus where connection_id = ?")) {
                ps.setString(1, run.connectionId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }
}
