package io.m365platform.graphsim.http;

/** How the dispatcher treats a route before calling its handler. */
public enum RouteKind {
    /** Microsoft Graph: bearer token verified, caller's tenant resolved, permission rule checked; Graph error JSON. */
    GRAPH,
    /** Entra ID endpoints (token, authorize, discovery, keys): no bearer; AADSTS error JSON. */
    IDENTITY,
    /** The simulator's own control API under /_sim: no authentication (bind to loopback). */
    CONTROL,
    /** Unauthenticated public URLs the simulator hands out (pre-authenticated downloads, monitor URLs). */
    PUBLIC
}
