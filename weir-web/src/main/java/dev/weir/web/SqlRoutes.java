package dev.weir.web;

import dev.weir.web.rest.RestMessages.ErrorResponse;
import dev.weir.web.rest.SqlMessages.SqlJobRequest;
import dev.weir.web.rest.SqlMessages.SqlJobResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * {@code POST /sql/jobs}: starts an INSERT job sent by {@code weir sql --address} with the {@link SqlJobRunner} on the
 * class path. A statement that fails answers 400 with the engine's message (its line and column included), so the
 * client shows it as it shows a local error; without a SQL engine the call answers 501 saying how to get one.
 */
final class SqlRoutes {
    private final SqlJobRunner runner;

    SqlRoutes() {
        Iterator<SqlJobRunner> found = ServiceLoader.load(SqlJobRunner.class, SqlRoutes.class.getClassLoader()).iterator();
        this.runner = found.hasNext() ? found.next() : null;
    }

    void routes(RoutesConfig r) {
        r.post("/sql/jobs", this::start);
    }

    private void start(Context ctx) {
        if (runner == null) {
            throw new RestApi.Refused(501, "This Weir has no SQL engine on its class path (weir-sql): start it with the `weir` "
                    + "command (weir run / weir demo), whose distribution has it");
        }
        SqlJobRequest request = RestApi.body(ctx, SqlJobRequest.class, new SqlJobRequest(Map.of(), List.of()));
        if (request.statements() == null || request.statements().isEmpty()) {
            throw new RestApi.Refused(400, "POST /sql/jobs needs \"statements\": the session's statements, the INSERT to run last");
        }
        try {
            String jobId = runner.start(request.configuration() == null ? Map.of() : request.configuration(), request.statements());
            ctx.json(new SqlJobResponse(jobId));
        } catch (Exception e) {
            ctx.status(400);
            ctx.json(new ErrorResponse(List.of(e.getClass().getName() + ": " + e.getMessage())));
        }
    }
}
