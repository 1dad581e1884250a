package ai.tradesense.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.infrastructure.config.SettingRules;

/**
 * The keys access tokens are signed with. Production nodes share {@code tradesense.security.jwt-secret}
 * (base64, at least 32 bytes) so every API node accepts every other's tokens; a rotation puts the old
 * secret into {@code tradesense.security.jwt-previous-secrets} (comma-separated) until the last token signed with it has
 * expired. Without a configured secret (embedded mode), a key is generated once into the data folder.
 * Secrets are never logged.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final int MIN_BYTES = SettingRules.MIN_SECRET_BYTES;

    @Inject
    @ConfigProperty(name = "tradesense.security.jwt-secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "tradesense.security.jwt-previous-secrets")
    Optional<String> previousSecrets;

    @Inject
    @ConfigProperty(name = "tradesense.data.dir", defaultValue = "data")
    String dataDir;

    private byte[] current;
    private List<byte[]> accepted;

    @PostConstruct
    void load() {
        current = secret.filter(s -> !s.isBlank()).map(s -> decode("tradesense.security.jwt-secret", s))
                .orElseGet(this::generatedKey);
        List<byte[]> keys = new ArrayList<>();
        keys.add(current);
        previousSecrets.map(list -> List.of(list.split(","))).orElse(List.of()).stream().filter(s -> !s.isBlank())
                .map(s -> decode("tradesense.security.jwt-previous-secrets", s)).forEach(keys::add);
        accepted = List.copyOf(keys);
    }

    /** The key new tokens are signed with. */
    public byte[] current() {
        return current.clone();
    }

    /** Every key a token may be signed with: the current one first. */
    public List<byte[]> accepted() {
        return accepted;
    }

    private static byte[] decode(String name, String value) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " must be base64 (e.g. openssl rand -base64 48)");
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException(name + " must decode to at least " + MIN_BYTES + " bytes");
        }
        return key;
    }

    /** A key kept in the data folder, readable by its owner only; created on first start. */
    private byte[] generatedKey() {
        Path file = Path.of(dataDir).toAbsolutePath().resolve("jwt-signing.key");
        try {
            if (Files.exists(file)) {
                return decode(file.toString(), Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[48];
            new SecureRandom().nextBytes(key);
            // Written aside and moved into place in one step, so no node ever reads a half-written key.
            Path draft = Files.createTempFile(file.getParent(), "jwt-signing", ".tmp");
            try {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.fine("the data folder has no POSIX permissions; the key file keeps the default ones");
            }
            Files.writeString(draft, Base64.getEncoder().encodeToString(key));
            try {
                Files.move(draft, file);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(draft);
                return decode(file.toString(), Files.readString(file));
            }
            LOG.log(Level.WARNING, "No tradesense.security.jwt-secret configured: generated a signing key in {0}."
                    + " Every API node must share one secret; set TRADESENSE_SECURITY_JWT_SECRET in production.", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing key in " + file, e);
        }
    }
}
