package io.m365platform.graphsim;

import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantFixture;

/**
 * A feature of the simulator (a group of Graph endpoints and the tenant state behind them). The core directory,
 * identity and control API are modules too; feature modules (reports, writes, mailboxes, drives…) are listed in
 * {@link GraphSimulator#MODULES}. See EXTENSION_POINTS.md.
 */
public interface SimulatorModule {
    /** Unique name; also the key of this module's section in a fixture's {@code extensions}. */
    String name();

    /** Adds the module's routes. Called once at start. */
    default void registerRoutes(SimulatorContext context) {
    }

    /** Fills the module's state of a freshly generated tenant (deterministically from {@code spec.seed()}). */
    default void onTenantGenerated(Tenant tenant, GenerationSpec spec) {
    }

    /** Fills the module's state from a fixture ({@code fixture.extensions().get(name())} may be null). */
    default void onTenantLoaded(Tenant tenant, TenantFixture fixture) {
    }

    /** The module's state for the ground-truth export (fixture {@code extensions.<name>}), or null for none. */
    default Object exportState(Tenant tenant) {
        return null;
    }
}
