package ai.tradesense.domain.rules.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import ai.tradesense.domain.rules.Side;

class SurveillanceTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-01");
    private static final Instant DAY_START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final SurveillanceSettings SETTINGS = SurveillanceSettings.DEFAULTS;

    private final List<SurveilledTrade> trades = new ArrayList<>();
    private final List<SignIn> signIns = new ArrayList<>();
    private int tradeNo;

    private void open(String challenge, String trader, String symbol, Side side, long atMs, Long closeMs, String ip) {
        trades.add(new SurveilledTrade(challenge, trader, "t" + (++tradeNo), symbol, side, T0.plusMillis(atMs),
                closeMs == null ? null : T0.plusMillis(closeMs), ip));
    }

    private void open(String challenge, String trader, Side side, long atMs, Long closeMs) {
        open(challenge, trader, "EURUSD", side, atMs, closeMs, null);
    }

    /** {@code times} openings by the leader, each copied {@code lagMs} later by the follower. */
    private void copied(String leader, String follower, int times, long lagMs) {
        for (int i = 0; i < times; i++) {
            long at = i * 60_000L;
            open("c-" + leader, leader, Side.BUY, at, at + 30_000);
            open("c-" + follower, follower, Side.BUY, at + lagMs, at + 30_000);
        }
    }

    private List<Finding> findings(TraderLinks links, Predicate<String> ownCopyingForbidden) {
        return Surveillance.findings(DAY, DAY_START, DAY_START.plusSeconds(86_400), trades, signIns, links, ownCopyingForbidden, SETTINGS);
    }

    /** No plan forbids own-account copying: the default. */
    private List<Finding> findings() {
        return findings(TraderLinks.NONE, c -> false);
    }

    private static List<Finding> of(List<Finding> all, Finding.Kind kind) {
        return all.stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void findsAPlantedCopyClusterOfThreeTraders() {
        for (int i = 0; i < 5; i++) {
            long at = i * 60_000L;
            open("c-alice", "alice", Side.BUY, at, at + 30_000);
            open("c-bob", "bob", Side.BUY, at + 120, at + 30_000);
            open("c-carol", "carol", Side.BUY, at + 300, at + 30_000);
        }
        open("c-dave", "dave", Side.BUY, 7_000_000, null);

        List<Finding> copies = of(findings(), Finding.Kind.COPY_TRADING);

        assertThat(copies).hasSize(1);
        Finding.CopyTrading copy = (Finding.CopyTrading) copies.get(0);
        assertThat(copy.accounts()).containsExactly("c-alice", "c-bob", "c-carol");
        assertThat(copy.traders()).containsExactly("alice", "bob", "carol");
        // alice-bob 5, alice-carol 5, and bob-carol open 180 ms apart 5 times as well
        assertThat(copy.matches()).isEqualTo(15);
        assertThat(copy.evidence()).hasSize(15);
        assertThat(copy.evidence().get(0).first().openedAt()).isEqualTo(T0);
    }

    @Test
    void copiesOneMillisecondOutsideTheWindowAreNotMatches() {
        copied("alice", "bob", 10, SETTINGS.copyWindowMs() + 1);

        assertThat(of(findings(), Finding.Kind.COPY_TRADING)).isEmpty();
    }

    @Test
    void copiesExactlyAtTheWindowEdgeAreMatches() {
        copied("alice", "bob", 5, SETTINGS.copyWindowMs());

        assertThat(of(findings(), Finding.Kind.COPY_TRADING)).singleElement()
                .extracting(f -> List.copyOf(f.accounts())).asList().containsExactly("c-alice", "c-bob");
    }

    @Test
    void fewerMatchesThanTheMinimumAreNoFinding() {
        copied("alice", "bob", SETTINGS.copyMinMatches() - 1, 10);

        assertThat(of(findings(), Finding.Kind.COPY_TRADING)).isEmpty();
    }

    @Test
    void theOppositeSideOrAnotherSymbolIsNoCopy() {
        for (int i = 0; i < 6; i++) {
            long at = i * 60_000L;
            open("c-alice", "alice", "EURUSD", Side.BUY, at, at + 1000, null);
            open("c-bob", "bob", "EURUSD", Side.SELL, at + 10, at + 1000, null);
            open("c-carol", "carol", "GBPUSD", Side.BUY, at + 10, at + 1000, null);
        }

        assertThat(of(findings(), Finding.Kind.COPY_TRADING)).isEmpty();
    }

    @Test
    void copiesBetweenOneTradersOwnAccountsCountOnlyWhereEitherPlanForbidsThem() {
        for (int i = 0; i < 5; i++) {
            long at = i * 60_000L;
            open("c-1", "alice", Side.BUY, at, at + 30_000);
            open("c-2", "alice", Side.BUY, at + 50, at + 30_000);
        }

        assertThat(of(findings(), Finding.Kind.COPY_TRADING)).as("allowed by default").isEmpty();
        for (Predicate<String> forbidden : List.<Predicate<String>>of(c -> c.equals("c-1"), c -> c.equals("c-2"),
                c -> true)) {
            assertThat(of(findings(TraderLinks.NONE, forbidden), Finding.Kind.COPY_TRADING)).singleElement()
                    .extracting(f -> List.copyOf(f.accounts())).asList().containsExactly("c-1", "c-2");
        }
    }

    @Test
    void linkedTradersCopyingEachOtherAreOneTradersOwnAccounts() {
        copied("alice", "bob", 5, 50);
        TraderLinks links = TraderLinks.of(List.of(new TraderLinks.Link("alice", "bob")));

        assertThat(of(findings(), Finding.Kind.COPY_TRADING)).as("unlinked, they are different traders").hasSize(1);
        assertThat(of(findings(links, c -> false), Finding.Kind.COPY_TRADING)).as("linked, one party").isEmpty();
        assertThat(of(findings(links, c -> c.equals("c-bob")), Finding.Kind.COPY_TRADING)).singleElement()
                .extracting(f -> List.copyOf(f.traders())).asList().containsExactly("alice", "bob");
    }

    @Test
    void onPlansAllowingOwnAccountCopyingOnlyAnotherTradersCopiesAreFound() {
        for (int i = 0; i < 5; i++) {
            long at = i * 60_000L;
            open("c-1", "alice", Side.BUY, at, at + 30_000);
            open("c-2", "alice", Side.BUY, at + 50, at + 30_000);
            // bob copies alice's first account half an hour later each time, away from her second one
            open("c-1", "alice", Side.SELL, 1_800_000 + at, 1_800_000 + at + 30_000);
            open("c-3", "bob", Side.SELL, 1_800_000 + at + 200, 1_800_000 + at + 30_000);
        }

        Finding.CopyTrading allowed = (Finding.CopyTrading) of(findings(), Finding.Kind.COPY_TRADING).get(0);
        Finding.CopyTrading notAllowed = (Finding.CopyTrading) of(findings(TraderLinks.NONE, c -> true),
                Finding.Kind.COPY_TRADING).get(0);

        assertThat(of(findings(), Finding.Kind.COPY_TRADING)).hasSize(1);
        assertThat(allowed.accounts()).containsExactly("c-1", "c-3");
        assertThat(allowed.matches()).isEqualTo(5);
        assertThat(notAllowed.accounts()).containsExactly("c-1", "c-2", "c-3");
        assertThat(notAllowed.matches()).isEqualTo(10);
    }

    @Test
    void findsOppositePositionsHeldAtOnceByOneTradersAccounts() {
        open("c-1", "alice", Side.BUY, 0, 10_000L);
        open("c-2", "alice", Side.SELL, 5_000, null);

        List<Finding> hedges = of(findings(), Finding.Kind.CROSS_HEDGE);

        assertThat(hedges).singleElement().satisfies(f -> {
            Finding.CrossHedge hedge = (Finding.CrossHedge) f;
            assertThat(hedge.accounts()).containsExactly("c-1", "c-2");
            assertThat(hedge.overlaps()).isEqualTo(1);
            assertThat(hedge.evidence().get(0).first().side()).isEqualTo(Side.BUY);
            assertThat(hedge.evidence().get(0).second().side()).isEqualTo(Side.SELL);
        });
    }

    @Test
    void aPositionClosedWhenTheOppositeOneOpensIsNoHedge() {
        open("c-1", "alice", Side.BUY, 0, 5_000L);
        open("c-2", "alice", Side.SELL, 5_000, null);

        assertThat(of(findings(), Finding.Kind.CROSS_HEDGE)).isEmpty();
    }

    @Test
    void oppositePositionsOfUnrelatedTradersAreNoHedge() {
        open("c-1", "alice", Side.BUY, 0, 10_000L);
        open("c-2", "bob", Side.SELL, 5_000, null);

        assertThat(of(findings(), Finding.Kind.CROSS_HEDGE)).isEmpty();
    }

    @Test
    void oppositePositionsOfLinkedTradersAreAHedge() {
        open("c-1", "alice", Side.BUY, 0, 10_000L);
        open("c-2", "bob", Side.SELL, 5_000, null);
        open("c-3", "carol", Side.SELL, 6_000, null);
        TraderLinks links = TraderLinks.of(List.of(new TraderLinks.Link("alice", "bob")));

        assertThat(of(findings(links, c -> false), Finding.Kind.CROSS_HEDGE)).singleElement()
                .extracting(f -> List.copyOf(f.traders())).asList().containsExactly("alice", "bob");
    }

    @Test
    void aPositionOpenedTheDayBeforeIsHedgedButItsOpeningMatchesNoCopy() {
        open("c-1", "alice", Side.BUY, -10 * 3_600_000L, null);
        open("c-2", "alice", Side.SELL, 5_000, null);
        for (int i = 0; i < 5; i++) {
            open("c-3", "bob", Side.BUY, -10 * 3_600_000L + i, null);
        }

        List<Finding> all = findings();

        assertThat(of(all, Finding.Kind.CROSS_HEDGE)).singleElement()
                .extracting(f -> List.copyOf(f.accounts())).asList().containsExactly("c-1", "c-2");
        assertThat(of(all, Finding.Kind.COPY_TRADING)).isEmpty();
    }

    @Test
    void linksAreTransitive() {
        TraderLinks links = TraderLinks.of(List.of(new TraderLinks.Link("alice", "bob"),
                new TraderLinks.Link("carol", "bob")));

        assertThat(links.sameParty("alice", "carol")).isTrue();
        assertThat(links.sameParty("alice", "dave")).isFalse();
    }

    @Test
    void findsAnAddressSharedByASignInAndAnotherTradersTrade() {
        signIns.add(new SignIn("alice", "203.0.113.7", T0));
        open("c-bob", "bob", "EURUSD", Side.BUY, 1_000, null, "203.0.113.7");
        open("c-carol", "carol", "EURUSD", Side.BUY, 2_000, null, "198.51.100.1");

        List<Finding> shared = of(findings(), Finding.Kind.SHARED_IP);

        assertThat(shared).singleElement().satisfies(f -> {
            Finding.SharedAddress address = (Finding.SharedAddress) f;
            assertThat(address.address()).isEqualTo("203.0.113.7");
            assertThat(address.traders()).containsExactly("alice", "bob");
            assertThat(address.accounts()).containsExactly("c-bob");
            assertThat(address.evidence()).extracting(Finding.Sighting::traderId).containsExactly("alice", "bob");
        });
    }

    @Test
    void oneTraderOnOneAddressOrLinkedTradersSharingOneAreNoFinding() {
        signIns.add(new SignIn("alice", "203.0.113.7", T0));
        signIns.add(new SignIn("alice", "203.0.113.7", T0.plusSeconds(60)));
        signIns.add(new SignIn("bob", "198.51.100.1", T0));
        signIns.add(new SignIn("carol", "198.51.100.1", T0));
        TraderLinks links = TraderLinks.of(List.of(new TraderLinks.Link("bob", "carol")));

        assertThat(of(findings(links, c -> false), Finding.Kind.SHARED_IP)).isEmpty();
        assertThat(of(findings(), Finding.Kind.SHARED_IP)).singleElement()
                .extracting(f -> List.copyOf(f.traders())).asList().containsExactly("bob", "carol");
    }

    @Test
    void evidenceIsCappedButEveryMatchIsCounted() {
        copied("alice", "bob", 30, 10);

        Finding.CopyTrading copy = (Finding.CopyTrading) of(findings(), Finding.Kind.COPY_TRADING).get(0);

        assertThat(copy.matches()).isEqualTo(30);
        assertThat(copy.evidence()).hasSize(SETTINGS.evidenceLimit());
    }
}
