package io.m365platform.graph.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Extra certificates to trust, typically the self-signed certificate of a local HTTPS Graph simulator.
 * When present, ONLY these certificates are trusted (no JVM default trust store): a simulator
 * configuration must not silently reach a real Microsoft endpoint. Hostname verification stays on,
 * so the certificate needs a SAN matching the configured host (e.g. 127.0.0.1).
 */
public final class TrustMaterial {

    private final List<X509Certificate> certificates;
    private final X509TrustManager trustManager;
    private final SSLContext sslContext;

    private TrustMaterial(List<X509Certificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("trust material contains no PEM certificate");
        }
        this.certificates = List.copyOf(certificates);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("trusted-" + i, certificates.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            X509TrustManager found = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    found = x;
                }
            }
            this.trustManager = Objects.requireNonNull(found, "no X509TrustManager available");
            this.sslContext = SSLContext.getInstance("TLS");
            this.sslContext.init(null, new TrustManager[] {trustManager}, null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build an SSLContext from the trust material", e);
        }
    }

    /** Parses one or more PEM {@code CERTIFICATE} blocks. */
    public static TrustMaterial fromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> parsed =
                    cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : parsed) {
                certs.add((X509Certificate) c);
            }
            return new TrustMaterial(certs);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid PEM certificate: " + e.getMessage(), e);
        }
    }

    public static TrustMaterial fromPemFile(Path file) {
        try {
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read PEM certificate file " + file + ": " + e.getMessage(), e);
        }
    }

    public static TrustMaterial of(X509Certificate... certificates) {
        return new TrustMaterial(List.of(certificates));
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    public SSLSocketFactory socketFactory() {
        return sslContext.getSocketFactory();
    }

    public X509TrustManager trustManager() {
        return trustManager;
    }
}
