package ai.tradesense.interfaces.rest.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.tradesense.application.export.RawJson;
import ai.tradesense.domain.model.InvalidInputException;

class ExportFormatTest {

    @Test
    void leavesPlainFieldsUnquoted() {
        assertThat(ExportFormat.csvField("EURUSD")).isEqualTo("EURUSD");
        assertThat(ExportFormat.csvField("")).isEqualTo("");
        assertThat(ExportFormat.csvField(" padded ")).isEqualTo(" padded ");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksDoublingTheQuotes() {
        assertThat(ExportFormat.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ExportFormat.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ExportFormat.csvField("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(ExportFormat.csvField("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
    }

    @Test
    void writesExactMoneyPlainInstantsInUtcAndAbsentValuesEmptyWithCrlfLineEnds() {
        String line = ExportFormat.csvLine(Arrays.asList(new BigDecimal("100250.5000000000"), new BigDecimal("1E+5"),
                new BigDecimal("0E-10"), Instant.parse("2030-03-04T09:00:00Z"), null, 7L,
                new RawJson("{\"type\":\"CLOCK\",\"at\":\"2030-03-04T09:00:00Z\"}")));

        assertThat(line).isEqualTo("100250.5,100000,0,2030-03-04T09:00:00Z,,7,"
                + "\"{\"\"type\"\":\"\"CLOCK\"\",\"\"at\"\":\"\"2030-03-04T09:00:00Z\"\"}\"\r\n");
    }

    @Test
    void writesOneJsonObjectPerLineWithStoredDocumentsNested() throws Exception {
        StringWriter out = new StringWriter();
        List<String> columns = List.of("challengeId", "balance", "at", "note", "event");
        ExportFormat.JSONL.header(out, columns);
        ExportFormat.JSONL.row(out, columns, Arrays.asList("c-1", new BigDecimal("99999.9900000000"),
                Instant.parse("2030-03-04T09:00:00Z"), null, new RawJson("{\"type\":\"EQUITY\",\"equity\":1.5}")));
        ExportFormat.JSONL.row(out, columns, Arrays.asList("c-2", new BigDecimal("1E+2"), null, "a\nb", null));

        assertThat(out.toString()).isEqualTo(
                "{\"challengeId\":\"c-1\",\"balance\":99999.99,\"at\":\"2030-03-04T09:00:00Z\",\"note\":null,"
                        + "\"event\":{\"type\":\"EQUITY\",\"equity\":1.5}}\n"
                        + "{\"challengeId\":\"c-2\",\"balance\":100,\"at\":null,\"note\":\"a\\nb\",\"event\":null}\n");
    }

    @Test
    void choosesTheFormatParameterThenTheAcceptHeaderThenCsv() {
        assertThat(ExportResource.format("jsonl", List.of("text/csv"))).isEqualTo(ExportFormat.JSONL);
        assertThat(ExportResource.format(null, List.of("application/json", "application/x-ndjson")))
                .isEqualTo(ExportFormat.JSONL);
        assertThat(ExportResource.format(null, List.of("*/*"))).isEqualTo(ExportFormat.CSV);
        assertThatThrownBy(() -> ExportResource.format("xml", List.of())).isInstanceOf(InvalidInputException.class);
    }
}
