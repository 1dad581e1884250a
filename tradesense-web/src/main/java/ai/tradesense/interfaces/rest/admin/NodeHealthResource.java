package ai.tradesense.interfaces.rest.admin;

import java.lang.management.ManagementFactory;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ai.tradesense.application.NodeStatus;
import ai.tradesense.application.SharedStoreHealth;
import ai.tradesense.application.security.Role;
import ai.tradesense.interfaces.security.Allow;

/**
 * The readiness details that the public {@code /health/ready} leaves out, for staff: where the database
 * is (its URL without credentials) and why a component is down.
 */
@Path("admin/health")
@Allow({Role.ADMIN, Role.RISK})
public class NodeHealthResource {

    @Inject
    NodeStatus node;

    @Inject
    SharedStoreHealth sharedStore;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String details() {
        NodeStatus.Check database = node.database();
        NodeStatus.Check redis = node.sharedStore();
        return Json.createObjectBuilder()
                .add("status", database.up() ? "UP" : "DOWN")
                .add("mode", node.embedded() ? "embedded" : "production")
                .add("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .add("database", Json.createObjectBuilder()
                        .add("up", database.up())
                        .add("kind", node.embedded() ? "embedded (H2)" : "PostgreSQL")
                        .add("url", node.databaseDescription())
                        .add("detail", database.detail())
                        .add("poolUsage", node.databasePoolUsage()))
                .add("redis", Json.createObjectBuilder()
                        .add("shared", sharedStore.isShared())
                        .add("available", redis.up())
                        .add("detail", redis.detail())
                        .add("usedMemoryBytes", sharedStore.usedMemoryBytes()))
                .build().toString();
    }
}
