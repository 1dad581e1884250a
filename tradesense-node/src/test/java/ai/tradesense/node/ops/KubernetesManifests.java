package ai.tradesense.node.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every document of every YAML file under {@code docker/k8s}, and the checks of the references between
 * them. Each check returns the problems it found, so a test can assert there are none, and another can
 * break a reference on purpose and assert that the check names it.
 */
final class KubernetesManifests {

    /** One parsed document and the file it came from. */
    record Document(Path file, Map<String, Object> content) {

        String kind() {
            return string(content.get("kind"));
        }

        String name() {
            return string(metadata().get("name"));
        }

        Map<String, Object> metadata() {
            return map(content.get("metadata"));
        }

        Map<String, Object> spec() {
            return map(content.get("spec"));
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file.getFileName() + ")";
        }
    }

    static final String CLUSTER_MODE = "PAYARA_CLUSTERMODE";

    private final List<Document> documents;

    KubernetesManifests(List<Document> documents) {
        this.documents = List.copyOf(documents);
    }

    /** Reads every {@code *.yaml} and {@code *.yml} file under the folder, every document of each. */
    static KubernetesManifests load(Path folder) throws IOException {
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                        if (document != null) {
                            documents.add(new Document(file, map(document)));
                        }
                    }
                }
            }
        }
        return new KubernetesManifests(documents);
    }

    /** The project's folder of manifests, found from the module's working directory upwards. */
    static Path folder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docker/k8s"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker/k8s above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docker/k8s");
    }

    List<Document> documents() {
        return documents;
    }

    List<Document> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.kind())).toList();
    }

    Optional<Document> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> Objects.equals(name, d.name())).findFirst();
    }

    /** A copy in which one document is replaced, for tests that break a reference on purpose. */
    KubernetesManifests with(Document replaced, Map<String, Object> content) {
        List<Document> changed = new ArrayList<>();
        for (Document document : documents) {
            changed.add(document == replaced ? new Document(document.file(), content) : document);
        }
        return new KubernetesManifests(changed);
    }

    // --- checks: each returns what is wrong, empty when all is well ---

    List<String> missingIdentity() {
        List<String> problems = new ArrayList<>();
        for (Document document : documents) {
            if (string(document.content().get("apiVersion")).isBlank()) {
                problems.add(document + ": no apiVersion");
            }
            if (document.kind().isBlank()) {
                problems.add(document + ": no kind");
            }
            if (document.name().isBlank()) {
                problems.add(document + ": no metadata.name");
            }
        }
        return problems;
    }

    /** Every Service's selector picks the pods of some Deployment. */
    List<String> servicesWithoutPods() {
        List<String> problems = new ArrayList<>();
        for (Document service : ofKind("Service")) {
            Map<String, Object> selector = map(service.spec().get("selector"));
            if (selector.isEmpty()) {
                problems.add(service + ": no selector");
            } else if (deploymentsSelectedBy(selector).isEmpty()) {
                problems.add(service + ": selector " + selector + " matches the pods of no Deployment");
            }
        }
        return problems;
    }

    /** Every PodDisruptionBudget's selector picks the pods of some Deployment. */
    List<String> budgetsWithoutPods() {
        List<String> problems = new ArrayList<>();
        for (Document budget : ofKind("PodDisruptionBudget")) {
            Map<String, Object> selector = map(map(budget.spec().get("selector")).get("matchLabels"));
            if (selector.isEmpty() || deploymentsSelectedBy(selector).isEmpty()) {
                problems.add(budget + ": selector " + selector + " matches the pods of no Deployment");
            }
        }
        return problems;
    }

    /**
     * Names used by the Deployments and bindings name objects that exist: configMapRef, secretRef,
     * configMapKeyRef and secretKeyRef (with their key), volumes, serviceAccountName, a RoleBinding's role
     * and subjects, an HPA's target.
     */
    List<String> brokenReferences() {
        List<String> problems = new ArrayList<>();
        for (Document deployment : ofKind("Deployment")) {
            Map<String, Object> pod = podSpec(deployment);
            String account = string(pod.get("serviceAccountName"));
            if (!account.isEmpty() && find("ServiceAccount", account).isEmpty()) {
                problems.add(deployment + ": serviceAccountName " + account + " names no ServiceAccount");
            }
            for (Map<String, Object> volume : maps(pod.get("volumes"))) {
                checkNamed(problems, deployment, "ConfigMap", string(map(volume.get("configMap")).get("name")));
                checkNamed(problems, deployment, "Secret", string(map(volume.get("secret")).get("secretName")));
            }
            for (Map<String, Object> container : containers(deployment)) {
                for (Map<String, Object> source : maps(container.get("envFrom"))) {
                    checkNamed(problems, deployment, "ConfigMap", string(map(source.get("configMapRef")).get("name")));
                    checkNamed(problems, deployment, "Secret", string(map(source.get("secretRef")).get("name")));
                }
                for (Map<String, Object> variable : maps(container.get("env"))) {
                    Map<String, Object> from = map(variable.get("valueFrom"));
                    checkKey(problems, deployment, "ConfigMap", map(from.get("configMapKeyRef")));
                    checkKey(problems, deployment, "Secret", map(from.get("secretKeyRef")));
                }
            }
        }
        for (Document binding : ofKind("RoleBinding")) {
            Map<String, Object> role = map(binding.content().get("roleRef"));
            checkNamed(problems, binding, string(role.get("kind")), string(role.get("name")));
            for (Map<String, Object> subject : maps(binding.content().get("subjects"))) {
                checkNamed(problems, binding, string(subject.get("kind")), string(subject.get("name")));
            }
        }
        for (Document autoscaler : ofKind("HorizontalPodAutoscaler")) {
            Map<String, Object> target = map(autoscaler.spec().get("scaleTargetRef"));
            checkNamed(problems, autoscaler, string(target.get("kind")), string(target.get("name")));
        }
        return problems;
    }

    /** Every namespaced object lives in a Namespace declared here. */
    List<String> unknownNamespaces() {
        List<String> problems = new ArrayList<>();
        for (Document document : documents) {
            String namespace = string(document.metadata().get("namespace"));
            if (!namespace.isEmpty() && find("Namespace", namespace).isEmpty()) {
                problems.add(document + ": namespace " + namespace + " is not declared");
            }
        }
        return problems;
    }

    /** Liveness on /health/live and readiness on /health/ready, each on a port the container declares. */
    List<String> badProbes() {
        List<String> problems = new ArrayList<>();
        for (Document deployment : ofKind("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                String where = deployment + " container " + container.get("name");
                checkProbe(problems, where, container, "livenessProbe", "/health/live");
                checkProbe(problems, where, container, "readinessProbe", "/health/ready");
            }
        }
        return problems;
    }

    /** Requests and limits of CPU and memory on every container. */
    List<String> unsizedContainers() {
        List<String> problems = new ArrayList<>();
        for (Document deployment : ofKind("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                Map<String, Object> resources = map(container.get("resources"));
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (string(map(resources.get(bound)).get(resource)).isEmpty()) {
                            problems.add(deployment + " container " + container.get("name") + ": no " + bound + "." + resource);
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** Files under the folder that the kustomization does not list, and listed files that are missing. */
    List<String> kustomizationGaps(Path folder) throws IOException {
        List<String> problems = new ArrayList<>();
        Document kustomization = find("Kustomization", "tradesense").orElse(null);
        if (kustomization == null) {
            return List.of("no Kustomization named tradesense");
        }
        List<String> listed = strings(kustomization.content().get("resources"));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("kustomization.yaml") && !listed.contains(name)) {
                    problems.add(name + " is not listed in kustomization.yaml");
                }
            }
        }
        for (String name : listed) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                problems.add("kustomization.yaml lists " + name + ", which does not exist");
            }
        }
        return problems;
    }

    // --- helpers ---

    List<Document> deploymentsSelectedBy(Map<String, Object> selector) {
        return ofKind("Deployment").stream()
                .filter(d -> podLabels(d).entrySet().containsAll(selector.entrySet()))
                .toList();
    }

    static Map<String, Object> podLabels(Document deployment) {
        return map(map(map(deployment.spec().get("template")).get("metadata")).get("labels"));
    }

    static Map<String, Object> podSpec(Document deployment) {
        return map(map(deployment.spec().get("template")).get("spec"));
    }

    static List<Map<String, Object>> containers(Document deployment) {
        return maps(podSpec(deployment).get("containers"));
    }

    /** The value of an environment variable set literally on a container, if any. */
    static Optional<String> env(Map<String, Object> container, String name) {
        return maps(container.get("env")).stream()
                .filter(v -> name.equals(v.get("name")) && v.containsKey("value"))
                .map(v -> string(v.get("value")))
                .findFirst();
    }

    private void checkNamed(List<String> problems, Document user, String kind, String name) {
        if (!name.isEmpty() && find(kind, name).isEmpty()) {
            problems.add(user + ": refers to " + kind + " " + name + ", which does not exist");
        }
    }

    private void checkKey(List<String> problems, Document user, String kind, Map<String, Object> reference) {
        if (reference.isEmpty()) {
            return;
        }
        String name = string(reference.get("name"));
        String key = string(reference.get("key"));
        Optional<Document> target = find(kind, name);
        if (target.isEmpty()) {
            problems.add(user + ": refers to " + kind + " " + name + ", which does not exist");
            return;
        }
        Map<String, Object> keys = new LinkedHashMap<>(map(target.get().content().get("data")));
        keys.putAll(map(target.get().content().get("stringData")));
        if (!keys.containsKey(key)) {
            problems.add(user + ": refers to key " + key + " of " + kind + " " + name + ", which has no such key");
        }
    }

    private static void checkProbe(List<String> problems, String where, Map<String, Object> container,
                                   String probe, String path) {
        Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
        if (get.isEmpty()) {
            problems.add(where + ": no HTTP " + probe);
            return;
        }
        if (!path.equals(get.get("path"))) {
            problems.add(where + ": " + probe + " asks " + get.get("path") + " instead of " + path);
        }
        Object port = get.get("port");
        boolean declared = maps(container.get("ports")).stream()
                .anyMatch(p -> Objects.equals(p.get("name"), port) || Objects.equals(p.get("containerPort"), port));
        if (!declared) {
            problems.add(where + ": " + probe + " uses port " + port + ", which the container does not declare");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? list.stream().map(KubernetesManifests::map).toList() : List.of();
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(KubernetesManifests::string).toList() : List.of();
    }

    static String string(Object value) {
        return value == null ? "" : value.toString();
    }
}
