package ai.tradesense.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import redis.clients.jedis.HostAndPort;

import ai.tradesense.infrastructure.redis.RedisTopology.Kind;

class RedisTopologyTest {

    @Test
    void readsOneRedisAsBeforeWithItsPasswordAndDatabase() {
        RedisTopology one = RedisTopology.parse("redis://:s%40cret+1@redis.internal:6380/3");

        assertThat(one.kind()).isEqualTo(Kind.STANDALONE);
        assertThat(one.nodes()).containsExactly(new HostAndPort("redis.internal", 6380));
        assertThat(one.user()).isEmpty();
        assertThat(one.password()).contains("s@cret+1");
        assertThat(one.database()).isEqualTo(3);
        assertThat(one.ssl()).isFalse();
        assertThat(RedisTopology.parse("rediss://app:pw@redis").nodes()).containsExactly(new HostAndPort("redis", 6379));
        assertThat(RedisTopology.parse("rediss://app:pw@redis").ssl()).isTrue();
        assertThat(RedisTopology.parse("rediss://app:pw@redis").user()).contains("app");
        assertThat(RedisTopology.parse("redis://127.0.0.1:6379").database()).isZero();
    }

    @Test
    void readsAClusterFromAnyOfItsNodes() {
        RedisTopology cluster = RedisTopology.parse("redis-cluster://:pw@10.0.0.1:7000, 10.0.0.2:7001,[::1]:7002");

        assertThat(cluster.kind()).isEqualTo(Kind.CLUSTER);
        assertThat(cluster.nodes()).containsExactly(new HostAndPort("10.0.0.1", 7000), new HostAndPort("10.0.0.2", 7001),
                new HostAndPort("::1", 7002));
        assertThat(cluster.password()).contains("pw");
        assertThat(cluster.describe()).isEqualTo("Redis Cluster 10.0.0.1:7000,10.0.0.2:7001,[::1]:7002")
                .doesNotContain("pw");
        assertThat(RedisTopology.parse("rediss-cluster://clustercfg.tradesense.cache.amazonaws.com").nodes())
                .containsExactly(new HostAndPort("clustercfg.tradesense.cache.amazonaws.com", 6379));
    }

    @Test
    void readsASentinelSetWithItsMasterDatabaseAndTheSentinelsOwnCredentials() {
        RedisTopology sentinel = RedisTopology.parse(
                "redis-sentinel://:data@s1,s2:26380,s3/mymaster/2?sentinelPassword=watch&sentinelUser=ops");

        assertThat(sentinel.kind()).isEqualTo(Kind.SENTINEL);
        assertThat(sentinel.nodes()).containsExactly(new HostAndPort("s1", 26379), new HostAndPort("s2", 26380),
                new HostAndPort("s3", 26379));
        assertThat(sentinel.masterName()).contains("mymaster");
        assertThat(sentinel.database()).isEqualTo(2);
        assertThat(sentinel.password()).contains("data");
        assertThat(sentinel.sentinelPassword()).contains("watch");
        assertThat(sentinel.sentinelUser()).contains("ops");
        assertThat(sentinel.describe()).isEqualTo("master mymaster of Sentinel s1:26379,s2:26380,s3:26379");
        RedisTopology plain = RedisTopology.parse("redis-sentinel://s1:26379/mymaster");
        assertThat(plain.database()).isZero();
        assertThat(plain.sentinelPassword()).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localhost:6379 | no scheme",
        "http://redis:6379 | scheme is http",
        "redis://a:6379,b:6379 | names 2 hosts",
        "redis://redis:port | not a number",
        "redis://redis:70000 | not a number from 1 to 65535",
        "redis://redis:6379/x | database is not a number",
        "redis://:6379 | empty",
        "redis-cluster://a:7000,,b:7001 | empty",
        "redis-cluster://a:7000/1 | database 0 only",
        "redis-sentinel://s1:26379 | names no master",
        "redis-sentinel://s1:26379/m/1/2 | more parts",
        "redis://redis:6379?sentinelPassword=x | belong to a redis-sentinel",
        "redis://redis:6379?protocol=3 | unknown parameters [protocol]",
    })
    void refusesWhatItCannotReachSayingWhy(String url, String why) {
        assertThatThrownBy(() -> RedisTopology.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }

    @Test
    void hidesPasswordsWhenAUrlIsShown() {
        assertThat(RedisTopology.redacted("redis://:pa/ss@host:6379/0")).isEqualTo("redis://(hidden)@host:6379/0");
        assertThat(RedisTopology.redacted("redis-sentinel://app:pw@s1,s2/m?sentinelUser=ops&sentinelPassword=watch"))
                .isEqualTo("redis-sentinel://(hidden)@s1,s2/m?sentinelUser=ops&sentinelPassword=(hidden)");
        assertThat(RedisTopology.redacted("redis://host:6379/0")).isEqualTo("redis://host:6379/0");
    }

    @Test
    void neverRepeatsThePasswordOfAUrlItRefuses() {
        for (String url : List.of("redis://:hunter2@a,b", "redis-cluster://:hunter2@a:7000/5",
                "redis-sentinel://:hunter2@s1?x=y")) {
            assertThatThrownBy(() -> RedisTopology.parse(url)).message().doesNotContain("hunter2");
        }
    }
}
