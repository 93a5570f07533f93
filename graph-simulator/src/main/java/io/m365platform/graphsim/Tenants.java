package io.m365platform.graphsim;

import io.m365platform.graphsim.tenant.FixtureCodec;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantException;
import io.m365platform.graphsim.tenant.TenantFixture;
import io.m365platform.graphsim.tenant.TenantGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tenants a simulator serves, addressable by tenant id or any verified domain. */
public final class Tenants {
    private final Map<String, Tenant> byId = new ConcurrentHashMap<>();
    private final Map<String, Tenant> byDomain = new ConcurrentHashMap<>();
    private final SimClock clock;
    private final List<SimulatorModule> modules;

    Tenants(SimClock clock, List<SimulatorModule> modules) {
        this.clock = clock;
        this.modules = modules;
    }

    /** Generates a tenant of {@code users} users from {@code seed} (name "contoso{seed}"). */
    public Tenant generate(long seed, int users) {
        return generate(GenerationSpec.of(seed, users));
    }

    public Tenant generate(GenerationSpec spec) {
        Tenant tenant = new TenantGenerator(spec).generate(clock);
        for (SimulatorModule m : modules) {
            m.onTenantGenerated(tenant, spec);
        }
        return add(tenant);
    }

    public Tenant load(TenantFixture fixture) {
        Tenant tenant = FixtureCodec.load(fixture, clock);
        for (SimulatorModule m : modules) {
            m.onTenantLoaded(tenant, fixture);
        }
        return add(tenant);
    }

    /** Ground truth of a tenant in fixture form, including module state. */
    public TenantFixture export(Tenant tenant) {
        TenantFixture f = FixtureCodec.export(tenant);
        for (SimulatorModule m : modules) {
            Object state = m.exportState(tenant);
            if (state != null) {
                f.extensions().put(m.name(), io.m365platform.graphsim.http.Json.MAPPER.valueToTree(state));
            }
        }
        return f;
    }

    private synchronized Tenant add(Tenant tenant) {
        if (byId.containsKey(tenant.id())) {
            throw TenantException.conflict("Tenant " + tenant.id() + " already exists");
        }
        List<String> domains = tenant.read(() -> tenant.organization().verifiedDomains());
        for (String d : domains) {
            if (byDomain.containsKey(d.toLowerCase(Locale.ROOT))) {
                throw TenantException.conflict("Domain " + d + " is already used by another tenant");
            }
        }
        byId.put(tenant.id(), tenant);
        for (String d : domains) {
            byDomain.put(d.toLowerCase(Locale.ROOT), tenant);
        }
        return tenant;
    }

    /** A tenant by id or verified domain, or null. */
    public Tenant find(String idOrDomain) {
        if (idOrDomain == null) {
            return null;
        }
        String key = idOrDomain.toLowerCase(Locale.ROOT);
        Tenant t = byId.get(key);
        return t != null ? t : byDomain.get(key);
    }

    public Tenant get(String idOrDomain) {
        Tenant t = find(idOrDomain);
        if (t == null) {
            throw TenantException.notFound(idOrDomain);
        }
        return t;
    }

    public List<Tenant> list() {
        return new ArrayList<>(byId.values());
    }

    public synchronized void remove(String idOrDomain) {
        Tenant t = get(idOrDomain);
        byId.remove(t.id());
        byDomain.values().removeIf(x -> x == t);
    }

    public synchronized void clear() {
        byId.clear();
        byDomain.clear();
    }
}
