package io.m365platform.sync.resource.organization;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.directory.Organization;
import io.m365platform.contracts.directory.VerifiedDomain;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.resource.CollectionResourceSync;
import io.m365platform.sync.resource.GraphJson;

import java.util.ArrayList;
import java.util.List;

import static io.m365platform.sync.resource.GraphJson.bool;
import static io.m365platform.sync.resource.GraphJson.instant;
import static io.m365platform.sync.resource.GraphJson.text;

/** The tenant's organization object ({@code /organization}); one request, so in incremental runs too. */
public final class OrganizationSync extends CollectionResourceSync {

    @Override
    public SyncResource resource() {
        return SyncResource.ORGANIZATION;
    }

    @Override
    public List<String> permissions() {
        return List.of("Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All",
                "Directory.ReadWrite.All", "LicenseAssignment.Read.All");
    }

    @Override
    protected boolean inIncrementalRuns() {
        return true;
    }

    @Override
    protected EntityKind<?> kind() {
        return OrganizationKind.INSTANCE;
    }

    @Override
    protected String request(StepScope step) {
        return "/organization";
    }

    @Override
    protected ItemMapper mapper(StepScope step) {
        return (item, changes) -> changes.upsert(OrganizationKind.INSTANCE, map(item));
    }

    static Organization map(JsonNode o) {
        List<VerifiedDomain> domains = new ArrayList<>();
        for (JsonNode d : GraphJson.array(o, "verifiedDomains")) {
            domains.add(new VerifiedDomain(text(d, "name"), bool(d, "isDefault", false), bool(d, "isInitial", false),
                    text(d, "type"), text(d, "capabilities")));
        }
        return new Organization(text(o, "id"), text(o, "displayName"), text(o, "countryLetterCode"),
                text(o, "defaultUsageLocation"), text(o, "preferredLanguage"), text(o, "tenantType"),
                instant(o, "createdDateTime"), bool(o, "onPremisesSyncEnabled"), domains);
    }
}
