package dev.touchstone.data.source;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.Secret;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Database;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.metric.internal.Outcomes;
import dev.touchstone.model.Model;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/** Datasets from a real PostgreSQL server (started by .ci/postgres.sh): same numbers as the CSV, clear failures. */
class PostgresDatasetTest {

    static PostgresServer server;
    static Path csv;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        server = PostgresServer.shared();
        csv = Warehouse.csv(dir, 3000, 11);
        server.execute("DROP TABLE IF EXISTS predictions",
                "CREATE TABLE predictions (id text PRIMARY KEY, label text, predicted text, score double precision,"
                        + " camera text, hour integer, target double precision, estimate double precision)");
        try (Connection connection = DriverManager.getConnection(server.url(), PostgresServer.USER, PostgresServer.PASSWORD);
                Reader reader = Files.newBufferedReader(csv)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY predictions FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
        }
    }

    static Database database() {
        return Database.at(server.url()).withUser(PostgresServer.USER).withPassword(Secret.of(PostgresServer.PASSWORD));
    }

    static Dataset roles(Dataset data) {
        return data.withName("predictions").withId("id").withLabel("label").withPrediction("predicted")
                .withScore("score").withPositiveClass("cat")
                .withSlice("night", where("hour").isLessThan(6).or(where("hour").isAtLeast(20)));
    }

    @Test
    void a_query_gives_the_numbers_of_the_csv_it_was_loaded_from() {
        Model fromCsv = Model.logged("m", roles(Dataset.fromCsv(csv)));
        Model fromQuery = Model.logged("m", roles(Dataset.fromQuery(database(), "select * from predictions order by id")));

        for (String slice : new String[] {"night", "camera=front"}) {
            same(assertThat(fromCsv).onSlice(slice).recall().actual(), assertThat(fromQuery).onSlice(slice).recall().actual());
            same(assertThat(fromCsv).onSlice(slice).rocAuc().actual(), assertThat(fromQuery).onSlice(slice).rocAuc().actual());
            same(assertThat(fromCsv).onSlice(slice).mcc().actual(), assertThat(fromQuery).onSlice(slice).mcc().actual());
        }
        Map<String, MetricValue> csvHours = assertThat(fromCsv).onEachSliceOf("hour").precision().actuals();
        Map<String, MetricValue> queryHours = assertThat(fromQuery).onEachSliceOf("hour").precision().actuals();
        assertThat(queryHours.keySet()).containsExactlyElementsOf(csvHours.keySet());
        csvHours.forEach((name, value) -> same(value, queryHours.get(name)));
    }

    @Test
    void regression_columns_give_the_numbers_of_the_csv() {
        Model fromCsv = Model.logged("r", Dataset.fromCsv(csv).withName("p").withLabel("target").withPrediction("estimate"));
        Model fromTable = Model.logged("r", Dataset.fromQuery(database(), "select * from predictions order by id")
                .withName("p").withLabel("target").withPrediction("estimate"));

        same(assertThat(fromCsv).overall().mae().actual(), assertThat(fromTable).overall().mae().actual());
        same(assertThat(fromCsv).onSlice("camera=rear").rmse().actual(), assertThat(fromTable).onSlice("camera=rear").rmse().actual());
    }

    @Test
    void a_table_is_read_whole_and_named_after_itself() {
        Dataset table = Dataset.fromTable(database(), "predictions");

        assertThat(table.name()).isEqualTo("predictions");
        assertThat(table.size()).isEqualTo(3000);
        assertThat(table.source()).isEqualTo("table predictions on postgresql://127.0.0.1:" + server.port() + "/postgres");
    }

    @Test
    void wrong_credentials_are_refused_without_showing_the_password() {
        Database wrong = Database.at(server.url()).withUser(PostgresServer.USER).withPassword(Secret.of("not-the-password-42"));

        assertThatThrownBy(() -> Dataset.fromQuery(wrong, "select * from predictions").size())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageStartingWith("query 'select * from predictions' on postgresql://127.0.0.1:" + server.port()
                        + "/postgres: the server refused the credentials of user 'touchstone' (password from a literal"
                        + " secret, not shown): ")
                .hasMessageContaining("password authentication failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-password-42"));
    }

    @Test
    void an_unreachable_server_is_named_without_the_urls_parameters() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/postgres?user=touchstone&password=hunter2-secret";

        assertThatThrownBy(() -> Dataset.fromQuery(url, "select 1").size())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageStartingWith("query 'select 1' on postgresql://127.0.0.1:" + closed
                        + "/postgres: cannot connect to postgresql://127.0.0.1:" + closed + "/postgres: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void a_query_error_says_what_the_server_said() {
        assertThatThrownBy(() -> Dataset.fromQuery(database(), "select * from no_such_table").size())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageStartingWith("query 'select * from no_such_table' on postgresql://127.0.0.1:" + server.port()
                        + "/postgres: reading the rows failed: ERROR: relation \"no_such_table\" does not exist");
    }

    @Test
    void a_missing_column_lists_the_columns_of_the_query() {
        Model model = Model.logged("m", Dataset.fromQuery(database(), "select id, label from predictions")
                .withLabel("label").withPrediction("prediction"));

        assertThatThrownBy(() -> assertThat(model).overall().accuracy().actual())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("/postgres: no column named 'prediction'; the columns are [id, label]");
    }

    @Test
    void a_score_of_the_wrong_type_names_the_row_and_value() {
        Model model = Model.logged("m", Dataset.fromQuery(database(),
                "select label, predicted, case when id = '0000002' then 'n/a' else score::text end as score"
                        + " from predictions order by id")
                .withLabel("label").withPrediction("predicted").withScore("score").withPositiveClass("cat"));

        assertThatThrownBy(() -> assertThat(model).overall().rocAuc().actual())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("/postgres row 3, column 'score': 'n/a' is not a number");
    }

    @Test
    void a_numeric_score_that_is_nan_names_the_row_as_in_memory() {
        Model model = Model.logged("m", Dataset.fromQuery(database(),
                "select label, predicted, case when id = '0000002' then 'NaN'::numeric else score::numeric end as score"
                        + " from predictions order by id")
                .withLabel("label").withPrediction("predicted").withScore("score").withPositiveClass("cat"));

        assertThatThrownBy(() -> assertThat(model).overall().rocAuc().actual())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("/postgres row 3, column 'score'");
    }

    @Test
    void a_missing_driver_says_which_to_add() {
        assertThatThrownBy(() -> Dataset.fromQuery("jdbc:nosuchdb://localhost/x", "select 1").size())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("no JDBC driver on the classpath accepts nosuchdb://localhost/x");
    }

    @Test
    void with_ids_the_fingerprint_does_not_depend_on_the_row_order_and_a_changed_row_changes_it() {
        String ascending = fingerprint(roles(Dataset.fromQuery(database(), "select * from predictions order by id")));
        String descending = fingerprint(roles(Dataset.fromQuery(database(), "select * from predictions order by id desc")));
        String changed = fingerprint(roles(Dataset.fromQuery(database(), "select id, case when id = '0000007' then"
                + " (case when label = 'cat' then 'dog' else 'cat' end) else label end as label, predicted, score, camera,"
                + " hour, target, estimate from predictions order by id")));
        // read into memory (a threshold keeps the evaluation out of the engine): the same digest
        Dataset threshold = roles(Dataset.fromQuery(database(), "select * from predictions order by id desc"))
                .withThreshold(0.5);
        String inMemory = Outcomes.of(Model.logged("m", threshold), threshold, TouchstoneSettings.defaults()).fingerprint();

        assertThat(descending).isEqualTo(ascending).startsWith("sha256:");
        assertThat(inMemory).isEqualTo(ascending);
        assertThat(changed).isNotEqualTo(ascending);
    }

    @Test
    void without_ids_the_fingerprint_follows_the_row_order_so_rows_are_never_paired_by_position_across_orders() {
        String ascending = fingerprint(Dataset.fromQuery(database(), "select * from predictions order by id")
                .withLabel("label").withPrediction("predicted"));
        String descending = fingerprint(Dataset.fromQuery(database(), "select * from predictions order by id desc")
                .withLabel("label").withPrediction("predicted"));

        assertThat(descending).isNotEqualTo(ascending);
    }

    @Test
    void a_source_sends_its_queries_on_one_connection_and_closes_it_when_idle() throws Exception {
        Database named = Database.at(server.url() + "?ApplicationName=touchstone-one-connection")
                .withUser(PostgresServer.USER).withPassword(Secret.of(PostgresServer.PASSWORD));
        Model model = Model.logged("m", roles(Dataset.fromTable(named, "predictions")));
        assertThat(model).overall().accuracy().actual();
        assertThat(model).onEachSliceOf("camera").rocAuc().actuals();

        assertThat(connections("touchstone-one-connection")).as("right after five queries").isEqualTo(1);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (connections("touchstone-one-connection") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(connections("touchstone-one-connection")).as("after the source fell idle").isZero();
    }

    static int connections(String application) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.url(), PostgresServer.USER, PostgresServer.PASSWORD);
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                        + application + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String fingerprint(Dataset data) {
        return Outcomes.of(Model.logged("m", data), data, TouchstoneSettings.defaults()).fingerprint();
    }

    static void same(MetricValue expected, MetricValue actual) {
        assertThat(actual.value()).isEqualTo(expected.value());
        assertThat(actual.n()).isEqualTo(expected.n());
        assertThat(actual.interval()).isEqualTo(expected.interval());
    }
}
