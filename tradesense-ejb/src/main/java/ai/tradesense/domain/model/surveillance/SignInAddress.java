package ai.tradesense.domain.model.surveillance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/** The address a trader signed in from, kept for the address retention time. */
@Entity
@Table(name = "sign_in_address")
public class SignInAddress {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "trader_id", nullable = false, updatable = false, length = 128)
    private String traderId;

    @Column(nullable = false, updatable = false, length = 64)
    private String address;

    @Column(name = "signed_in_at", nullable = false, updatable = false)
    private OffsetDateTime signedInAt;

    protected SignInAddress() {
    }

    public SignInAddress(String id, String traderId, String address, Instant at) {
        this.id = Objects.requireNonNull(id, "id");
        this.traderId = Objects.requireNonNull(traderId, "traderId");
        this.address = Objects.requireNonNull(address, "address");
        this.signedInAt = Timestamps.stored(at);
    }

    public String traderId() {
        return traderId;
    }

    public String address() {
        return address;
    }

    public Instant signedInAt() {
        return signedInAt.toInstant();
    }
}
