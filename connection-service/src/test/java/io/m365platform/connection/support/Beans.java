package io.m365platform.connection.support;

import io.m365platform.connection.check.HealthCheckJob;
import io.m365platform.connection.crypto.CredentialKind;
import io.m365platform.connection.crypto.SealedSecret;
import io.m365platform.connection.crypto.SecretSealer;
import io.m365platform.connection.crypto.SecretSlot;
import io.m365platform.connection.store.SealedCredentialStore;
import io.m365platform.graph.token.MsalApplications;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.UUID;

/** The application's beans as tests need them, behind plain-valued methods (see {@link TestApp}). */
public final class Beans {

    private Beans() {
    }

    private static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }

    /** Drops msal4j's applications (and cached tokens) of a client id, as if its cached token had run out. */
    public static void forgetCachedTokens(String clientId) {
        bean(MsalApplications.class).evict(clientId);
    }

    /** One run of the health check: {tested, skipped, failed}. */
    public static int[] runHealthCheck() {
        HealthCheckJob.Summary s = bean(HealthCheckJob.class).runOnce();
        return new int[] {s.tested(), s.skipped(), s.failed()};
    }

    public static AdjustableClock clock() {
        return bean(AdjustableClock.class);
    }

    public static long primaryKeyId() {
        return bean(SecretSealer.class).primaryKeyId();
    }

    public static int keyCount() {
        return bean(SecretSealer.class).keyCount();
    }

    /** The key that sealed a connection's client secret. */
    public static long clientSecretKeyId(String connectionId) {
        return bean(SealedCredentialStore.class).get(clientSecretSlot(connectionId)).orElseThrow().keyId();
    }

    /** The client secret as stored, opened with the service's keyset. */
    public static String openClientSecret(String connectionId) {
        SecretSlot slot = clientSecretSlot(connectionId);
        return bean(SecretSealer.class).open(bean(SealedCredentialStore.class).get(slot).orElseThrow(), slot);
    }

    /** Stores the client secret sealed with the keyset from before the rotation (its old key). */
    public static long sealWithOldKey(String connectionId, String secret) {
        SecretSealer old = new SecretSealer(SimulatorResource.oldKeyset());
        SecretSlot slot = clientSecretSlot(connectionId);
        SealedSecret sealed = old.seal(secret, slot);
        QuarkusTransaction.requiringNew().run(() -> bean(SealedCredentialStore.class).put(slot, sealed, Instant.now()));
        return old.primaryKeyId();
    }

    /** Whether the keyset from before the rotation can still open the stored client secret. */
    public static boolean oldKeysetOpensClientSecret(String connectionId) {
        SecretSlot slot = clientSecretSlot(connectionId);
        try {
            new SecretSealer(SimulatorResource.oldKeyset()).open(
                    bean(SealedCredentialStore.class).get(slot).orElseThrow(), slot);
            return true;
        } catch (SecretSealer.UnreadableSecretException e) {
            return false;
        }
    }

    /** The msal4j token cache (refresh token inside) of an admin-user connection, opened. */
    public static String openTokenCache(UUID connectionId) {
        SecretSlot slot = new SecretSlot(connectionId, CredentialKind.TOKEN_CACHE);
        return bean(SecretSealer.class).open(bean(SealedCredentialStore.class).get(slot).orElseThrow(), slot);
    }

    private static SecretSlot clientSecretSlot(String connectionId) {
        return new SecretSlot(UUID.fromString(connectionId), CredentialKind.CLIENT_SECRET);
    }
}
