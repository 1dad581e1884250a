package ai.tradesense.node.ops;

import static ai.tradesense.node.ops.KubernetesManifests.map;
import static ai.tradesense.node.ops.KubernetesManifests.string;
import static ai.tradesense.node.ops.KubernetesManifests.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml, its development override, the images and the frontend's proxy say what the
 * runbook promises: the services, their health checks, the ports 8000 and 3000, persistence, and
 * every variable they read documented in env.example. ({@code docker compose config} validates the
 * syntax in .ci/run where a compose client exists.)
 */
class ComposeFilesTest {

    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)(?::?-([^}]*))?}");

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void load() throws IOException {
        root = KubernetesManifests.folder().getParent().getParent();
        compose = read(root.resolve("docker-compose.yml"));
        services = map(compose.get("services"));
    }

    @Test
    void runsTheDatabaseRedisBackendWorkerAndFrontendAndReplicaProfiles() {
        assertThat(services).containsOnlyKeys("postgres", "postgres-replica", "redis", "backend", "worker", "frontend");
        assertThat(strings(service("frontend").get("profiles"))).containsExactly("frontend");
        assertThat(strings(service("postgres-replica").get("profiles"))).containsExactly("replica");
        for (String always : List.of("postgres", "redis", "backend", "worker")) {
            assertThat(service(always)).as(always).doesNotContainKey("profiles");
        }
    }

    @Test
    void publishesTheBackendOn8000AndTheFrontendOn3000() {
        assertThat(publishedPorts("backend")).containsExactly("8000:8080");
        assertThat(publishedPorts("frontend")).containsExactly("3000:80");
        assertThat(publishedPorts("worker")).as("workers scale out, so they publish nothing").isEmpty();
    }

    @Test
    void everyLongRunningServiceHasAHealthCheck() {
        for (String name : services.keySet()) {
            assertThat(strings(map(service(name).get("healthcheck")).get("test"))).as(name).isNotEmpty();
        }
        assertThat(String.join(" ", strings(map(service("backend").get("healthcheck")).get("test"))))
                .contains("healthcheck.sh");
    }

    @Test
    void theNodesWaitForAHealthyDatabaseAndRedis() {
        for (String node : List.of("backend", "worker")) {
            Map<String, Object> dependsOn = map(service(node).get("depends_on"));
            assertThat(map(dependsOn.get("postgres"))).as(node).containsEntry("condition", "service_healthy");
            assertThat(map(dependsOn.get("redis"))).as(node).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void keepsPostgresInANamedVolumeAndRedisWithAppendOnlyFile() {
        Map<String, Object> volumes = map(compose.get("volumes"));
        String dataVolume = strings(service("postgres").get("volumes")).stream()
                .filter(v -> v.endsWith(":/var/lib/postgresql/data")).findFirst().orElseThrow();
        assertThat(volumes).containsKey(dataVolume.substring(0, dataVolume.indexOf(':')));
        assertThat(String.join(" ", strings(service("redis").get("command")))).contains("--appendonly yes");
        assertThat(strings(service("redis").get("volumes"))).anyMatch(v -> v.endsWith(":/data"));
    }

    @Test
    void theReplicaProfileStreamsFromPostgresAndTheNodesCanReadIt() throws IOException {
        Map<String, Object> replica = service("postgres-replica");
        assertThat(map(map(replica.get("depends_on")).get("postgres"))).containsEntry("condition", "service_healthy");
        assertThat(String.join(" ", strings(replica.get("entrypoint"))))
                .contains("pg_basebackup -h postgres", " -R ", "-X stream", "exec postgres");
        String dataVolume = strings(replica.get("volumes")).stream()
                .filter(v -> v.endsWith(":/var/lib/postgresql/data")).findFirst().orElseThrow();
        assertThat(map(compose.get("volumes"))).containsKey(dataVolume.substring(0, dataVolume.indexOf(':')));
        // the primary lets replication connect: its init script, mounted where the image runs it
        String init = strings(service("postgres").get("volumes")).stream()
                .filter(v -> v.contains("/docker-entrypoint-initdb.d/")).findFirst().orElseThrow();
        assertThat(Files.readString(root.resolve(init.substring(0, init.indexOf(':')))))
                .contains("host replication all all scram-sha-256");
        for (String node : List.of("backend", "worker")) {
            Map<String, Object> environment = map(service(node).get("environment"));
            assertThat(defaultOf(string(environment.get("TRADESENSE_DB_READ_URL")))).as(node).isEmpty();
            assertThat(environment).containsKey("TRADESENSE_DB_READ_MAX_LAG_SECONDS");
        }
        assertThat(Files.readString(root.resolve("docker-compose.yml")))
                .contains("TRADESENSE_DB_READ_URL=jdbc:postgresql://postgres-replica:5432/tradesense");
    }

    @Test
    void theNodesAreBuiltFromTheImagesAndReachTheComposeServices() {
        assertThat(map(service("backend").get("build"))).containsEntry("dockerfile", "docker/api/Dockerfile");
        assertThat(map(service("worker").get("build"))).containsEntry("dockerfile", "docker/worker/Dockerfile");
        for (String node : List.of("backend", "worker")) {
            Map<String, Object> environment = map(service(node).get("environment"));
            assertThat(defaultOf(string(environment.get("TRADESENSE_DB_URL"))))
                    .isEqualTo("jdbc:postgresql://postgres:5432/tradesense");
            assertThat(defaultOf(string(environment.get("TRADESENSE_REDIS_URL")))).isEqualTo("redis://redis:6379/0");
            assertThat(environment).containsKeys("TRADESENSE_DB_USER", "TRADESENSE_DB_PASSWORD",
                    "TRADESENSE_SECURITY_JWT_SECRET", "TRADESENSE_SECURITY_ADMIN_EMAIL",
                    "TRADESENSE_SECURITY_ADMIN_PASSWORD");
        }
    }

    @Test
    void theImagesRunPayaraMicroAsAnUnprivilegedUserWithAReadinessCheck() throws IOException {
        for (String image : List.of("api", "worker")) {
            String dockerfile = Files.readString(root.resolve("docker/" + image + "/Dockerfile"));
            assertThat(dockerfile).as(image)
                    .contains("FROM payara/micro:6.2025.10-jdk17")
                    .contains("USER payara")
                    .contains("HEALTHCHECK")
                    .contains("ENTRYPOINT [\"/bin/sh\", \"/opt/payara/scripts/start-node.sh\"]")
                    .doesNotContain("USER root");
            Matcher copies = Pattern.compile("(?m)^COPY .*$").matcher(dockerfile);
            while (copies.find()) {
                for (String source : copies.group().split("\\s+")) {
                    if (source.startsWith("docker/")) {
                        assertThat(root.resolve(source)).as("%s copies %s", image, source).isRegularFile();
                    }
                }
            }
        }
        assertThat(Files.readString(root.resolve("docker/api/Dockerfile")))
                .contains("tradesense-web.war:/\"]").contains("--nocluster")
                .contains("docker/payara/pre-boot-commands.asadmin");
        assertThat(Files.readString(root.resolve("docker/worker/Dockerfile")))
                .contains("tradesense-batch.war:/worker\"]").doesNotContain("--nocluster")
                .doesNotContain("pre-boot-commands");
        // API nodes move Payara's metrics endpoint aside so tradesense-web serves /metrics in seconds.
        assertThat(Files.readString(root.resolve("docker/payara/pre-boot-commands.asadmin")))
                .contains("set configs.config.server-config.microprofile-metrics-configuration.endpoint=payara-metrics");
        assertThat(Files.readString(root.resolve("docker/payara/start-node.sh"))).contains("--prebootcommandfile");
        assertThat(Files.readString(root.resolve("docker/payara/healthcheck.sh"))).contains("/health/ready");
        assertThat(Files.readString(root.resolve("docker/payara/start-node.sh")))
                .contains("--addlibs", "--postbootcommandfile", "MaxRAMPercentage", "--clustermode");
        assertThat(Files.readString(root.resolve("docker/payara/post-boot-commands.asadmin")))
                .contains("create-jdbc-connection-pool", "create-jdbc-resource",
                        "set-batch-runtime-configuration --datasourcelookupname jdbc/tradesense-batch");
    }

    @Test
    void theFrontendServesTheUiAndProxiesTheBackend() throws IOException {
        assertThat(strings(service("frontend").get("volumes")))
                .contains("./tradesense-web/src/main/webapp:/usr/share/nginx/html:ro");
        String nginx = Files.readString(root.resolve("docker/frontend/nginx.conf"));
        for (String location : List.of("location /api/", "location /ws/", "location /health", "location = /metrics")) {
            assertThat(nginx).contains(location);
        }
        String websocket = nginx.substring(nginx.indexOf("location /ws/"), nginx.indexOf('}', nginx.indexOf("location /ws/")));
        assertThat(websocket).contains("proxy_http_version 1.1", "Upgrade $http_upgrade", "Connection $connection_upgrade");
        assertThat(nginx).contains("server backend:8080;");
    }

    @Test
    void theDevelopmentOverrideMountsTheBuiltWars() throws IOException {
        Map<String, Object> dev = map(read(root.resolve("docker-compose.dev.yml")).get("services"));
        assertThat(strings(map(dev.get("backend")).get("volumes")))
                .contains("./tradesense-web/target/tradesense-web.war:/opt/payara/deployments/tradesense-web.war:ro");
        assertThat(strings(map(dev.get("worker")).get("volumes")))
                .contains("./tradesense-batch/target/tradesense-batch.war:/opt/payara/deployments/tradesense-batch.war:ro");
        assertThat(services.keySet()).containsAll(dev.keySet());
    }

    @Test
    void everyVariableTheComposeFilesReadIsDocumentedInEnvExample() throws IOException {
        Set<String> used = new LinkedHashSet<>();
        for (String file : List.of("docker-compose.yml", "docker-compose.dev.yml")) {
            Matcher matcher = VARIABLE.matcher(Files.readString(root.resolve(file)));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        String example = Files.readString(root.resolve("env.example"));
        assertThat(used).hasSizeGreaterThan(20);
        for (String variable : used) {
            assertThat(example).as("env.example documents %s", variable).containsPattern("(?m)^" + variable + "=");
        }
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name));
    }

    /** The host:container pairs a service publishes, with ${VAR:-default} taken at its default. */
    private static List<String> publishedPorts(String name) {
        return strings(service(name).get("ports")).stream().map(ComposeFilesTest::withDefaults).toList();
    }

    private static String defaultOf(String value) {
        return withDefaults(value);
    }

    private static String withDefaults(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(2) == null ? "" : matcher.group(2)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        }
    }
}
