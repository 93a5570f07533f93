package io.m365platform.sync.query;

import io.m365platform.contracts.directory.DirectoryGroup;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.GroupMembership;
import io.m365platform.contracts.directory.LicenseAssignment;
import io.m365platform.contracts.directory.SubscribedSku;
import io.m365platform.sync.db.Jdbc;
import io.m365platform.sync.entity.EntityCatalog;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.resource.groups.GroupEntityKind;
import io.m365platform.sync.resource.groups.MembershipKind;
import io.m365platform.sync.resource.licenses.SubscribedSkuKind;
import io.m365platform.sync.resource.users.LicenseAssignmentKind;
import io.m365platform.sync.resource.users.UserKind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read side of the synced directory for the REST API: keyset-paged listings (cursor = the last object id) with the
 * filters operators need (guests, disabled, unlicensed, group kind, Teams).
 */
public class DirectoryQueries {

    private final Jdbc jdbc;
    private final EntityCatalog catalog;

    public DirectoryQueries(Jdbc jdbc, EntityCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** Filters of the users listing; null means "either". */
    public record UserFilter(Boolean guest, Boolean disabled, Boolean unlicensed, String search) {
    }

    public Page<DirectoryUser> users(String connectionId, UserFilter f, String after, int limit) {
        Where w = new Where(connectionId);
        if (f.guest() != null) {
            w.add(f.guest() ? "user_type = 'Guest'" : "user_type is distinct from 'Guest'");
        }
        if (f.disabled() != null) {
            w.add(f.disabled() ? "account_enabled = false" : "account_enabled is distinct from false");
        }
        if (f.unlicensed() != null) {
            w.add(f.unlicensed() ? "license_count = 0" : "license_count > 0");
        }
        if (f.search() != null && !f.search().isBlank()) {
            w.add("(lower(user_principal_name) like ? or lower(display_name) like ? or lower(mail) like ?)",
                    like(f.search()), like(f.search()), like(f.search()));
        }
        return page(UserKind.INSTANCE, w, after, limit);
    }

    public Optional<DirectoryUser> user(String connectionId, String userId) {
        return one(UserKind.INSTANCE, connectionId, userId);
    }

    public List<LicenseAssignment> licensesOfUser(String connectionId, String userId) {
        Where w = new Where(connectionId).add("parent_id = ?", userId);
        return page(LicenseAssignmentKind.INSTANCE, w, null, 10_000).items();
    }

    public List<SubscribedSku> skus(String connectionId) {
        return page(SubscribedSkuKind.INSTANCE, new Where(connectionId), null, 10_000).items();
    }

    public Page<LicenseAssignment> assignmentsOfSku(String connectionId, String skuId, String after, int limit) {
        return page(LicenseAssignmentKind.INSTANCE, new Where(connectionId).add("sku_id = ?", skuId), after, limit);
    }

    public Page<DirectoryGroup> groups(String connectionId, String kind, Boolean team, String search, String after,
                                       int limit) {
        Where w = new Where(connectionId);
        if (kind != null) {
            w.add("kind = ?", kind);
        }
        if (team != null) {
            w.add(team ? "is_team" : "not is_team");
        }
        if (search != null && !search.isBlank()) {
            w.add("(lower(display_name) like ? or lower(mail) like ?)", like(search), like(search));
        }
        return page(GroupEntityKind.INSTANCE, w, after, limit);
    }

    public Optional<DirectoryGroup> group(String connectionId, String groupId) {
        return one(GroupEntityKind.INSTANCE, connectionId, groupId);
    }

    public Page<GroupMembership> members(String connectionId, String groupId, String relation, String after,
                                         int limit) {
        Where w = new Where(connectionId).add("parent_id = ?", groupId);
        if (relation != null) {
            w.add("relation = ?", relation);
        }
        return page(MembershipKind.INSTANCE, w, after, limit);
    }

    private <S> Optional<S> one(EntityKind<S> kind, String connectionId, String objectId) {
        return page(kind, new Where(connectionId).add("object_id = ?", objectId), null, 1).items().stream()
                .findFirst();
    }

    private <S> Page<S> page(EntityKind<S> kind, Where where, String after, int limit) {
        EntityStore<S> store = catalog.store(kind);
        if (after != null) {
            where.add("object_id > ?", after);
        }
        String sql = "select object_id, data from " + kind.table() + " where " + String.join(" and ", where.clauses)
                + " order by object_id limit ?";
        return jdbc.withConnection(c -> {
            List<S> items = new ArrayList<>();
            String last = null;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object p : where.params) {
                    ps.setObject(i++, p);
                }
                ps.setInt(i, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (items.size() == limit) {
                            return new Page<>(items, last);
                        }
                        last = rs.getString(1);
                        items.add(store.parse(rs.getString(2)));
                    }
                }
            }
            return new Page<>(items, null);
        });
    }

    private static String like(String search) {
        return search.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    /** Items of a page and the cursor of the next one (null on the last page). */
    public record Page<S>(List<S> items, String nextCursor) {
    }

    private static final class Where {
        final List<String> clauses = new ArrayList<>();
        final List<Object> params = new ArrayList<>();

        Where(String connectionId) {
            add("connection_id = ?", connectionId);
        }

        Where add(String clause, Object... values) {
            clauses.add(clause);
            params.addAll(List.of(values));
            return this;
        }
    }
}
