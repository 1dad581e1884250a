package ai.tradesense.interfaces.rest.simulations;

import java.math.BigDecimal;

import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import ai.tradesense.application.challenge.SimulationService;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.OutcomeJson;
import ai.tradesense.infrastructure.json.PlainNumber;
import ai.tradesense.infrastructure.json.SnapshotJson;

/**
 * What-if simulations: a plan and a history through the live engine, nothing stored. The timeline is
 * streamed, so a history of 100,000 events needs no answer-sized buffer.
 */
@Path("simulations")
public class SimulationResource {

    @Inject
    SimulationService simulations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response simulate(String request) {
        return Response.ok(answer(request)).build();
    }

    /** The streamed answer; the request is read (and refused) before anything is written. */
    StreamingOutput answer(String request) {
        SimulationService.Result result = simulations.simulate(
                SimulationRequestJson.read(request, simulations::storedPlan));
        return output -> {
            try (JsonGenerator json = Json.createGenerator(output)) {
                json.writeStartObject();
                json.write("final", SnapshotJson.write(result.fin()));
                json.writeStartArray("timeline");
                for (SimulationService.Step step : result.timeline()) {
                    json.writeStartObject()
                        .write("index", step.index())
                        .write("type", step.type())
                        .write("at", step.at().toString())
                        .write("status", step.status().name())
                        .write("balance", PlainNumber.of(step.balance()))
                        .write("equity", PlainNumber.of(step.equity()));
                    money(json, "dailyLossFloor", step.dailyLossFloor());
                    money(json, "maxLossFloor", step.maxLossFloor());
                    json.write("outcomes", OutcomeJson.write(step.outcomes())).writeEnd();
                }
                json.writeEnd().writeEnd();
            }
        };
    }

    private static void money(JsonGenerator json, String name, BigDecimal value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, PlainNumber.of(value));
        }
    }
}
