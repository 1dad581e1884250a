package ai.tradesense.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicaMonitorTest {

    @Test
    void readsAWalPositionAsPostgresqlPrintsIt() {
        assertThat(ReplicaMonitor.lsn("0/3000060")).isEqualTo(0x3000060L);
        assertThat(ReplicaMonitor.lsn("16/B374D848")).isEqualTo((0x16L << 32) | 0xB374D848L);
        assertThat(ReplicaMonitor.lsn("16/B374D848")).isGreaterThan(ReplicaMonitor.lsn("15/FFFFFFFF"));
        assertThat(ReplicaMonitor.lsn(null)).isZero();
    }
}
