package io.m365platform.graphsim.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Enumeration;

/**
 * The simulator's TLS identity: either a self-signed certificate made at start (SAN ip:127.0.0.1, dns:localhost)
 * or a certificate loaded from a given keystore. Exposes the server side (an {@link SSLContext} for the listener)
 * and the client side (PEM, trust manager, client SSLContext) so tests and tools can trust exactly this server.
 */
public final class TlsMaterial {
    private static final char[] IN_MEMORY_PASSWORD = "graph-simulator".toCharArray();

    private final X509Certificate certificate;
    private final SSLContext serverContext;
    private final X509TrustManager trustManager;
    private final SSLContext clientContext;

    private TlsMaterial(KeyStore keyStore, char[] password, X509Certificate certificate) throws Exception {
        this.certificate = certificate;
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, password);
        this.serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);

        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("graph-simulator", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        this.trustManager = firstX509(tmf.getTrustManagers());
        this.clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, new TrustManager[]{trustManager}, null);
    }

    /**
     * A fresh key and a self-signed certificate valid for 127.0.0.1 and localhost. EC P-256 rather than RSA: an
     * RSA-2048 key takes seconds to generate on a busy 2-core machine, an EC key milliseconds, and every TLS
     * client in use (JDK, OkHttp) accepts ECDSA server certificates.
     */
    public static TlsMaterial selfSigned() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            KeyPair keyPair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=localhost, O=Graph Simulator");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(825))), subject, keyPair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("graph-simulator", keyPair.getPrivate(), IN_MEMORY_PASSWORD, new Certificate[]{cert});
            return new TlsMaterial(keyStore, IN_MEMORY_PASSWORD, cert);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the simulator's self-signed certificate", e);
        }
    }

    /** Loads the first key entry of a PKCS12 (or JKS) keystore. */
    public static TlsMaterial fromKeyStore(Path path, char[] password) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
            keyStore.load(in, password);
            Enumeration<String> aliases = keyStore.aliases();
            while (aliases.hasMoreElements()) {
                String alias = aliases.nextElement();
                if (keyStore.isKeyEntry(alias)) {
                    return new TlsMaterial(keyStore, password, (X509Certificate) keyStore.getCertificate(alias));
                }
            }
            throw new IllegalArgumentException("Keystore " + path + " holds no private key entry");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("Could not load keystore " + path + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager firstX509(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("No X509TrustManager available");
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate in PEM form (what GET /_sim/certificate.pem serves). */
    public String certificatePem() {
        try {
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public SSLContext serverContext() {
        return serverContext;
    }

    /** Trusts only the simulator's certificate: hand it to OkHttp (sslSocketFactory(factory, trustManager)). */
    public X509TrustManager trustManager() {
        return trustManager;
    }

    /** A client SSLContext that trusts only the simulator's certificate (msal4j: sslSocketFactory(ctx.getSocketFactory())). */
    public SSLContext clientContext() {
        return clientContext;
    }
}
