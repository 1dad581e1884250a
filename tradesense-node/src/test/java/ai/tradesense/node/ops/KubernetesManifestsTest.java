package ai.tradesense.node.ops;

import static ai.tradesense.node.ops.KubernetesManifests.containers;
import static ai.tradesense.node.ops.KubernetesManifests.map;
import static ai.tradesense.node.ops.KubernetesManifests.maps;
import static ai.tradesense.node.ops.KubernetesManifests.podSpec;
import static ai.tradesense.node.ops.KubernetesManifests.string;
import static ai.tradesense.node.ops.KubernetesManifests.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.tradesense.node.ops.KubernetesManifests.Document;

/** The Kubernetes manifests under docker/k8s parse, and every name one object uses names another. */
class KubernetesManifestsTest {

    private static Path folder;
    private static KubernetesManifests manifests;

    @BeforeAll
    static void load() throws IOException {
        folder = KubernetesManifests.folder();
        manifests = KubernetesManifests.load(folder);
    }

    @Test
    void everyDocumentHasApiVersionKindAndName() {
        assertThat(manifests.documents()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(manifests.missingIdentity()).isEmpty();
    }

    @Test
    void declaresTheObjectsOfTheDeployment() {
        assertThat(manifests.find("Namespace", "tradesense")).isPresent();
        assertThat(manifests.find("ConfigMap", "tradesense-config")).isPresent();
        assertThat(manifests.find("Secret", "tradesense-secrets")).isPresent();
        assertThat(manifests.find("Deployment", "tradesense-api")).isPresent();
        assertThat(manifests.find("Deployment", "tradesense-worker")).isPresent();
        assertThat(manifests.ofKind("Service")).isNotEmpty();
        assertThat(manifests.ofKind("PodDisruptionBudget")).isNotEmpty();
    }

    @Test
    void everyNamespacedObjectIsInADeclaredNamespace() {
        assertThat(manifests.unknownNamespaces()).isEmpty();
    }

    @Test
    void everyServiceSelectsThePodsOfADeployment() {
        assertThat(manifests.servicesWithoutPods()).isEmpty();
    }

    @Test
    void everyReferenceNamesAnExistingObject() {
        assertThat(manifests.brokenReferences()).isEmpty();
    }

    @Test
    void theAutoscalerScalesTheApiOnCpuFromTwoToTen() {
        List<Document> autoscalers = manifests.ofKind("HorizontalPodAutoscaler");
        assertThat(autoscalers).hasSize(1);
        Document hpa = autoscalers.get(0);
        assertThat(string(hpa.content().get("apiVersion"))).isEqualTo("autoscaling/v2");
        Map<String, Object> target = map(hpa.spec().get("scaleTargetRef"));
        assertThat(target).containsEntry("kind", "Deployment").containsEntry("name", "tradesense-api");
        assertThat(manifests.find("Deployment", "tradesense-api")).isPresent();
        assertThat(hpa.spec()).containsEntry("minReplicas", 2).containsEntry("maxReplicas", 10);
        List<Map<String, Object>> metrics = maps(hpa.spec().get("metrics"));
        assertThat(metrics).hasSize(1);
        Map<String, Object> resource = map(metrics.get(0).get("resource"));
        assertThat(metrics.get(0)).containsEntry("type", "Resource");
        assertThat(resource).containsEntry("name", "cpu");
        assertThat(map(resource.get("target")))
                .containsEntry("type", "Utilization")
                .containsEntry("averageUtilization", 70);
    }

    @Test
    void everyDisruptionBudgetSelectsThePodsOfADeployment() {
        assertThat(manifests.budgetsWithoutPods()).isEmpty();
        for (Document deployment : manifests.ofKind("Deployment")) {
            assertThat(manifests.ofKind("PodDisruptionBudget"))
                    .as("a disruption budget for %s", deployment)
                    .anyMatch(pdb -> KubernetesManifests.podLabels(deployment).entrySet()
                            .containsAll(map(map(pdb.spec().get("selector")).get("matchLabels")).entrySet()));
        }
    }

    @Test
    void probesAskTheHealthEndpointsOnADeclaredPort() {
        assertThat(manifests.badProbes()).isEmpty();
    }

    @Test
    void everyContainerHasRequestsAndLimits() {
        assertThat(manifests.unsizedContainers()).isEmpty();
    }

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        assertThat(manifests.kustomizationGaps(folder)).isEmpty();
    }

    @Test
    void workersFindEachOtherThroughAHeadlessServiceTheirAccountMayRead() {
        Document worker = manifests.find("Deployment", "tradesense-worker").orElseThrow();
        Map<String, Object> container = containers(worker).get(0);
        String clusterMode = KubernetesManifests.env(container, KubernetesManifests.CLUSTER_MODE).orElse("");
        assertThat(clusterMode).startsWith("kubernetes:");
        String[] namespaceAndService = clusterMode.substring("kubernetes:".length()).split(",");
        assertThat(namespaceAndService).hasSize(2);

        String namespace = namespaceAndService[0].equals("$(POD_NAMESPACE)")
                ? string(worker.metadata().get("namespace")) : namespaceAndService[0];
        assertThat(namespace).isEqualTo(string(worker.metadata().get("namespace")));
        Document service = manifests.find("Service", namespaceAndService[1]).orElseThrow(
                () -> new AssertionError("the cluster mode names no Service: " + clusterMode));
        assertThat(service.spec()).containsEntry("clusterIP", "None").containsEntry("publishNotReadyAddresses", true);
        assertThat(manifests.deploymentsSelectedBy(map(service.spec().get("selector")))).containsExactly(worker);
        assertThat(maps(service.spec().get("ports"))).anyMatch(p -> Integer.valueOf(6900).equals(p.get("port")));

        String account = string(podSpec(worker).get("serviceAccountName"));
        assertThat(manifests.find("ServiceAccount", account)).isPresent();
        Document binding = manifests.ofKind("RoleBinding").stream()
                .filter(b -> maps(b.content().get("subjects")).stream().anyMatch(s -> account.equals(s.get("name"))))
                .findFirst().orElseThrow(() -> new AssertionError("no RoleBinding for " + account));
        Document role = manifests.find("Role", string(map(binding.content().get("roleRef")).get("name"))).orElseThrow();
        for (String resource : List.of("pods", "endpoints")) {
            assertThat(maps(role.content().get("rules")))
                    .as("%s may get and list %s", role, resource)
                    .anyMatch(rule -> strings(rule.get("resources")).contains(resource)
                            && strings(rule.get("verbs")).containsAll(List.of("get", "list")));
        }
    }

    @Test
    void secretsHoldOnlyMarkedPlaceholders() {
        for (Document secret : manifests.ofKind("Secret")) {
            Map<String, Object> values = map(secret.content().get("stringData"));
            assertThat(secret.content()).as("%s keeps readable placeholders, no encoded data", secret)
                    .doesNotContainKey("data");
            values.forEach((key, value) -> {
                boolean sensitive = key.contains("PASSWORD") || key.endsWith("_SECRET") || key.endsWith("_URL");
                if (sensitive) {
                    assertThat(string(value)).as("%s %s", secret, key).contains("CHANGE-ME");
                }
            });
        }
    }

    // The checks above must be able to fail: break one reference of each sort and see it named.

    @Test
    void namesASecretRefThatNamesNoSecret() {
        Document api = manifests.find("Deployment", "tradesense-api").orElseThrow();
        KubernetesManifests broken = manifests.with(api, replaceAll(api.content(), "tradesense-secrets", "tradesense-secret"));
        assertThat(broken.brokenReferences())
                .anyMatch(p -> p.contains("Deployment tradesense-api") && p.contains("Secret tradesense-secret,"));
    }

    @Test
    void namesAKeyRefToAMissingKey() {
        Document worker = manifests.find("Deployment", "tradesense-worker").orElseThrow();
        KubernetesManifests broken = manifests.with(worker,
                replaceAll(worker.content(), "TRADESENSE_DB_PASSWORD", "TRADESENSE_DB_PASSWD"));
        assertThat(broken.brokenReferences()).anyMatch(p -> p.contains("key TRADESENSE_DB_PASSWD"));
    }

    @Test
    void namesAServiceWhoseSelectorMatchesNoPods() {
        Document service = manifests.find("Service", "tradesense-api").orElseThrow();
        KubernetesManifests broken = manifests.with(service, replaceAll(service.content(), "api", "ap1"));
        assertThat(broken.servicesWithoutPods()).anyMatch(p -> p.contains("matches the pods of no Deployment"));
    }

    @Test
    void namesAProbeThatAsksTheWrongPath() {
        Document api = manifests.find("Deployment", "tradesense-api").orElseThrow();
        KubernetesManifests broken = manifests.with(api, replaceAll(api.content(), "/health/ready", "/health/redy"));
        assertThat(broken.badProbes()).anyMatch(p -> p.contains("readinessProbe asks /health/redy"));
    }

    /** A deep copy of a parsed document with every string equal to {@code from} replaced. */
    @SuppressWarnings("unchecked")
    private static <T> T replaceAll(T node, String from, String to) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put((String) k, replaceAll(v, from, to)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            return (T) list.stream().map(v -> replaceAll(v, from, to)).toList();
        }
        if (node instanceof String s) {
            return (T) s.replace(from, to);
        }
        return node;
    }
}
