package io.m365platform.connection.crypto;

import com.google.crypto.tink.KeysetHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretSealerTest {

    private static final String SECRET = "abc8Q~not-a-real-secret-but-long-enough";

    @Test
    void sealsWithThePrimaryKeyAndOpensAgain() {
        KeysetHandle keyset = Keysets.generate();
        SecretSealer sealer = new SecretSealer(keyset);
        SecretSlot slot = new SecretSlot(UUID.randomUUID(), CredentialKind.CLIENT_SECRET);
        SealedSecret sealed = sealer.seal(SECRET, slot);
        assertEquals(sealer.primaryKeyId(), sealed.keyId());
        assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains(SECRET));
        assertEquals(SECRET, sealer.open(sealed, slot));
        assertFalse(sealed.toString().contains(SECRET));
    }

    @Test
    void aCiphertextOnlyOpensInTheSlotItWasSealedFor() {
        SecretSealer sealer = new SecretSealer(Keysets.generate());
        UUID id = UUID.randomUUID();
        SealedSecret sealed = sealer.seal(SECRET, new SecretSlot(id, CredentialKind.CLIENT_SECRET));
        assertThrows(SecretSealer.UnreadableSecretException.class,
                () -> sealer.open(sealed, new SecretSlot(UUID.randomUUID(), CredentialKind.CLIENT_SECRET)));
        assertThrows(SecretSealer.UnreadableSecretException.class,
                () -> sealer.open(sealed, new SecretSlot(id, CredentialKind.TOKEN_CACHE)));
    }

    @Test
    void afterRotationNewSecretsUseTheNewKeyAndOldOnesStillOpen() {
        KeysetHandle old = Keysets.generate();
        SecretSealer before = new SecretSealer(old);
        SecretSlot slot = new SecretSlot(UUID.randomUUID(), CredentialKind.TOKEN_CACHE);
        SealedSecret sealedBefore = before.seal(SECRET, slot);

        KeysetHandle rotated = Keysets.parse(Keysets.toJson(Keysets.rotate(old)));
        SecretSealer after = new SecretSealer(rotated);
        assertEquals(2, after.keyCount());
        assertNotEquals(before.primaryKeyId(), after.primaryKeyId());
        assertEquals(SECRET, after.open(sealedBefore, slot), "the old key still decrypts");
        SealedSecret sealedAfter = after.seal(SECRET, slot);
        assertEquals(after.primaryKeyId(), sealedAfter.keyId());
        assertThrows(SecretSealer.UnreadableSecretException.class, () -> before.open(sealedAfter, slot),
                "the old keyset does not know the new key");
    }

    @Test
    void keyIdIsReadFromTinksOutputPrefix() {
        assertEquals(0x01020304L, SecretSealer.keyIdOf(new byte[] {1, 1, 2, 3, 4, 9, 9}));
        assertEquals(0xFFFFFFFFL, SecretSealer.keyIdOf(new byte[] {1, -1, -1, -1, -1, 0}));
        assertEquals(0, SecretSealer.keyIdOf(new byte[] {0, 1, 2, 3, 4, 5}));
    }

    @Test
    void aMissingKeysetIsAStartupErrorUnlessDevModeAllowsAThrowAwayKey() {
        KeysetSource.MissingKeysetException e = assertThrows(KeysetSource.MissingKeysetException.class,
                () -> KeysetSource.load(Optional.empty(), Optional.empty(), false));
        assertTrue(e.getMessage().contains("CONNECTION_CRYPTO_KEYSET"), e.getMessage());
        assertThrows(KeysetSource.MissingKeysetException.class,
                () -> KeysetSource.load(Optional.of("  "), Optional.empty(), false), "blank counts as missing");
        assertEquals(1, KeysetSource.load(Optional.empty(), Optional.empty(), true).size());
    }

    @Test
    void readsTheKeysetFromTheEnvironmentValueOrAMountedFile(@TempDir Path dir) throws Exception {
        KeysetHandle keyset = Keysets.generate();
        String json = Keysets.toJson(keyset);
        long primary = Integer.toUnsignedLong(keyset.getPrimary().getId());
        assertEquals(primary, Integer.toUnsignedLong(
                KeysetSource.load(Optional.of(json), Optional.empty(), false).getPrimary().getId()));
        Path file = Files.writeString(dir.resolve("keyset.json"), json);
        assertEquals(primary, Integer.toUnsignedLong(
                KeysetSource.load(Optional.empty(), Optional.of(file), false).getPrimary().getId()));
        assertThrows(KeysetSource.MissingKeysetException.class,
                () -> KeysetSource.load(Optional.of(json), Optional.of(file), false), "two sources are ambiguous");
        assertThrows(KeysetSource.MissingKeysetException.class,
                () -> KeysetSource.load(Optional.empty(), Optional.of(dir.resolve("absent.json")), false));
    }

    @Test
    void aBrokenKeysetIsRejectedWithoutEchoingIt() {
        String broken = "{\"primaryKeyId\": 1, \"key\": [{\"keyData\": {\"value\": \"TOP-SECRET-MATERIAL\"}}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeysetSource.load(Optional.of(broken), Optional.empty(), false));
        assertFalse(e.getMessage().contains("TOP-SECRET-MATERIAL"));
    }

    @Test
    void sealedSecretsCompareByContent() {
        byte[] bytes = {1, 0, 0, 0, 7, 42};
        assertEquals(new SealedSecret(bytes, 7), new SealedSecret(bytes.clone(), 7));
        assertArrayEquals(bytes, new SealedSecret(bytes, 7).ciphertext());
    }
}
