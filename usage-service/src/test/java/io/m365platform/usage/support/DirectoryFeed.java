package io.m365platform.usage.support;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.directory.AssignedLicense;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.LicenseAssignment;
import io.m365platform.contracts.directory.LicenseAssignmentSynced;
import io.m365platform.contracts.directory.LicenseUnits;
import io.m365platform.contracts.directory.SubscribedSku;
import io.m365platform.contracts.directory.SubscribedSkuSynced;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.LicenseState;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.service.events.EventPublisher;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays sync-service for usage-service's tests: publishes a simulated tenant's users, license assignments (direct
 * and group-inherited told apart) and subscribed SKUs on sync-service's topics, as its runs do.
 */
@Singleton
public class DirectoryFeed {

    private final EventPublisher publisher;

    @Inject
    public DirectoryFeed(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Publishes the whole directory of the tenant for the connection; returns the number of users. */
    public int publish(String connectionId, Tenant tenant) {
        return publish(connectionId, tenant, u -> true);
    }

    /** Publishes the tenant's SKUs and the users {@code include} accepts; returns the number of users published. */
    public int publish(String connectionId, Tenant tenant, java.util.function.Predicate<User> include) {
        String runId = "test-sync-" + connectionId;
        Instant at = Instant.now();
        List<PlatformEvent> events = new ArrayList<>();
        tenant.read(() -> {
            Map<String, Integer> consumed = tenant.consumedUnits();
            Map<String, Sku> skus = tenant.skuMap();
            for (Sku sku : skus.values()) {
                int used = consumed.getOrDefault(sku.skuId(), 0);
                LicenseUnits units = new LicenseUnits(sku.prepaidEnabled(), sku.prepaidSuspended(),
                        sku.prepaidWarning(), sku.prepaidLockedOut());
                events.add(new SubscribedSkuSynced(connectionId, tenant.id(), runId, at, new SubscribedSku(sku.skuId(),
                        sku.skuId(), sku.skuPartNumber(), sku.capabilityStatus(), sku.appliesTo(), used, units,
                        SubscribedSku.unassigned(units, used), List.of(), null, null, List.of())));
            }
            for (User u : tenant.users().list()) {
                if (!include.test(u)) {
                    continue;
                }
                events.add(new UserSynced(connectionId, tenant.id(), runId, at, user(u)));
                for (LicenseAssignment assignment : assignments(u, tenant.licenseStates(u), skus)) {
                    events.add(new LicenseAssignmentSynced(connectionId, tenant.id(), runId, at, assignment));
                }
            }
            return null;
        });
        List<ProducerRecord<String, byte[]>> records = events.stream().map(e -> publisher.writer().record(e)).toList();
        publisher.publishAndWait(records, Duration.ofSeconds(60));
        return (int) tenant.users().list().stream().filter(include).count();
    }

    static DirectoryUser user(User u) {
        return new DirectoryUser(u.id(), u.userPrincipalName(), u.displayName(), u.givenName(), u.surname(), u.mail(),
                u.mailNickname(), u.jobTitle(), u.department(), u.companyName(), u.officeLocation(), u.employeeId(),
                u.employeeType(), u.city(), u.country(), u.mobilePhone(), u.businessPhones(), u.preferredLanguage(),
                u.accountEnabled(), u.userType(), u.createdDateTime(), u.lastPasswordChangeDateTime(),
                u.usageLocation(), u.managerId(), u.assignedLicenses().stream()
                .map(l -> new AssignedLicense(l.skuId(), l.disabledPlans())).toList(),
                null, u.externalUserState(), null, false);
    }

    static List<LicenseAssignment> assignments(User u, List<LicenseState> states, Map<String, Sku> skus) {
        Map<String, List<LicenseState>> bySku = new LinkedHashMap<>();
        for (LicenseState s : states) {
            bySku.computeIfAbsent(s.skuId(), k -> new ArrayList<>()).add(s);
        }
        List<LicenseAssignment> result = new ArrayList<>();
        bySku.forEach((skuId, paths) -> {
            boolean direct = paths.stream().anyMatch(p -> p.assignedByGroup() == null);
            List<String> groups = paths.stream().map(LicenseState::assignedByGroup)
                    .filter(java.util.Objects::nonNull).distinct().toList();
            Sku sku = skus.get(skuId);
            result.add(new LicenseAssignment(u.id(), u.userPrincipalName(), skuId,
                    sku == null ? null : sku.skuPartNumber(), direct, groups, List.of(), List.of()));
        });
        return result;
    }
}
