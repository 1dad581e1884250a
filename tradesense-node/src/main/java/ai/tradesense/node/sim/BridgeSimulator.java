package ai.tradesense.node.sim;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trading platform's bridge on the command line: starts N challenges (or takes their ids), then sends
 * {@link TradingGenerator}'s trading through {@code POST /api/v1/events} at a rate for a while, printing a
 * progress line every second and a summary. Accounts are split into lanes, one sender each, so one
 * account's events are never in two requests at once and always arrive in order.
 * <pre>
 * --url http://localhost:8080  --key &lt;platform key&gt;  (or --token &lt;admin access token&gt;)
 * --email/--password  an admin (or trader) to start the challenges   --ids file  challenge ids, one a line
 * --plan two-step-100k  --accounts 1000  --rate 5000  --duration 60  --batch 100  --lanes 8
 * --breach-share 0.1  --seed 1
 * </pre>
 */
public final class BridgeSimulator {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");
    private static final Pattern BALANCE = Pattern.compile("\"balance\":([0-9.]+)");

    private final SimOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final SimStats stats = new SimStats();
    private BigDecimal initialBalance = new BigDecimal("100000");
    private String bearer;

    BridgeSimulator(SimOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        SimOptions options = SimOptions.parse(args);
        SimStats.Summary summary = new BridgeSimulator(options).run();
        System.exit(summary.errors() == 0 ? 0 : 1);
    }

    SimStats.Summary run() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (options.key().isEmpty()) {
            signIn();
        }
        List<String> ids = options.ids().isPresent() ? Files.readAllLines(options.ids().get()).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList() : startChallenges(start);
        TradingGenerator generator = new TradingGenerator(ids, initialBalance, options.breachShare(),
                start.plusSeconds(1), options.seed());
        out("driving %d accounts at %d events/s for %d s in %d lanes (batches of %d, %.0f%% breaching)",
                ids.size(), options.rate(), options.duration().toSeconds(), options.lanes(), options.batch(),
                options.breachShare() * 100);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> out(stats.progress()), 1, 1, TimeUnit.SECONDS);
        ExecutorService lanes = Executors.newFixedThreadPool(options.lanes());
        long deadline = System.nanoTime() + options.duration().toNanos();
        for (int lane = 0; lane < options.lanes(); lane++) {
            int first = lane;
            lanes.submit(() -> drive(generator, first, deadline));
        }
        lanes.shutdown();
        lanes.awaitTermination(options.duration().toSeconds() + 120, TimeUnit.SECONDS);
        ticker.shutdownNow();
        SimStats.Summary summary = stats.summary();
        out(summary.toString());
        return summary;
    }

    /** Accounts lane, lane + lanes, …: its share of the rate, one request at a time. */
    private void drive(TradingGenerator generator, int lane, long deadline) {
        List<Integer> accounts = new ArrayList<>();
        for (int a = lane; a < generator.accounts(); a += options.lanes()) {
            accounts.add(a);
        }
        if (accounts.isEmpty()) {
            return;
        }
        double perLane = (double) options.rate() / options.lanes();
        long interval = (long) (options.batch() / perLane * 1_000_000_000L);
        long next = System.nanoTime();
        int turn = 0;
        while (System.nanoTime() < deadline) {
            StringBuilder body = new StringBuilder("{\"events\":[");
            for (int i = 0; i < options.batch(); i++) {
                body.append(i == 0 ? "" : ",").append(generator.next(accounts.get(turn++ % accounts.size())).json());
            }
            send(body.append("]}").toString(), options.batch());
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void send(String body, int events) {
        long began = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(authorised(HttpRequest.newBuilder(uri("/api/v1/events")))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            stats.answered(events, answer.statusCode(), answer.body(), System.nanoTime() - began);
        } catch (IOException e) {
            stats.failed(events, System.nanoTime() - began);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> startChallenges(Instant start) throws Exception {
        String token = signIn();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < options.accounts(); i++) {
            String body = "{\"planCode\":\"" + options.plan() + "\",\"traderId\":\"sim-trader-" + (i + 1)
                    + "\",\"startAt\":\"" + start + "\"}";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/v1/challenges"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("starting a challenge answered " + answer.statusCode() + ": " + answer.body());
            }
            ids.add(group(ID, answer.body()));
            initialBalance = new BigDecimal(group(BALANCE, answer.body()));
        }
        out("started %d challenges on %s", ids.size(), options.plan());
        return ids;
    }

    /** The --token, or an access token for --email and --password, signed in once. */
    private String signIn() throws Exception {
        if (bearer != null) {
            return bearer;
        }
        if (options.token().isPresent()) {
            bearer = options.token().get();
            return bearer;
        }
        String email = options.email().orElseThrow(() -> new IllegalArgumentException(
                "give --ids, or --email and --password (or --token) of an admin to start the challenges"));
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + options.password().orElse("") + "\"}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("signing in answered " + answer.statusCode() + ": " + answer.body());
        }
        bearer = group(ACCESS_TOKEN, answer.body());
        return bearer;
    }

    /** Events go with the platform key, as a bridge sends them; without one, as the signed-in admin. */
    private HttpRequest.Builder authorised(HttpRequest.Builder request) {
        return options.key().isPresent() ? request.header("X-API-Key", options.key().get())
                : request.header("Authorization", "Bearer " + bearer);
    }

    private URI uri(String path) {
        return URI.create(options.url().replaceAll("/+$", "") + path);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + text);
        }
        return matcher.group(1);
    }

    /** A command-line tool's output is its progress lines and summary, on standard output. */
    private static void out(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
    }
}
