package io.leadline.web.demo;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The Olist MQL file as demo leads. The id, first-contact date and origin are real; name, email, company,
 * title and size are synthetic, derived from the id so the same file always gives the same leads.
 */
final class OlistDemoLeads {

    static final String RESOURCE = "/demo/olist_marketing_qualified_leads.csv";

    private static final DateTimeFormatter OLIST_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final List<String> FIRST = List.of(
            "Ana",
            "Bruno",
            "Carla",
            "Diego",
            "Elisa",
            "Fábio",
            "Gabriela",
            "Hugo",
            "Isabela",
            "João",
            "Larissa",
            "Marcos",
            "Natália",
            "Otávio",
            "Paula",
            "Rafael",
            "Sofia",
            "Tiago");
    private static final List<String> LAST = List.of(
            "Souza",
            "Oliveira",
            "Santos",
            "Lima",
            "Pereira",
            "Costa",
            "Ferreira",
            "Almeida",
            "Ribeiro",
            "Carvalho",
            "Gomes",
            "Martins",
            "Rocha",
            "Barbosa");
    private static final List<String> COMPANY = List.of(
            "Casa Verde",
            "Loja Sol",
            "Moda Rio",
            "TecnoPar",
            "Auto Peças Sul",
            "Bela Pet",
            "Sabor Mineiro",
            "EletroNorte Shop",
            "Papelaria Central",
            "Esporte Vivo",
            "Lar Doce",
            "Vita Saúde");
    private static final List<String> TITLE = List.of(
            "Owner",
            "Founder",
            "CEO",
            "Director of Sales",
            "Head of E-commerce",
            "Marketing Manager",
            "Sales Manager",
            "Store Manager",
            "Buyer",
            "Assistant",
            "Analyst",
            "Student",
            "");
    private static final int[] SIZE = {3, 8, 15, 25, 40, 60, 120, 250, 600, 1500};

    private OlistDemoLeads() {}

    static List<Lead> read() {
        try (InputStream in = OlistDemoLeads.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The demo data " + RESOURCE + " is missing from the application");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the demo data " + RESOURCE, e);
        }
    }

    /** The MQL ids of the won deals in the Olist closed-deals file. */
    static List<String> wonMqlIds() {
        try (InputStream in = OlistDemoLeads.class.getResourceAsStream("/demo/olist_closed_deals.csv")) {
            if (in == null) {
                throw new IllegalStateException("The demo data olist_closed_deals.csv is missing from the application");
            }
            List<String> ids = new ArrayList<>();
            try (CSVParser parser = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                parser.forEach(row -> ids.add(row.get("mql_id")));
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the demo closed deals", e);
        }
    }

    static List<Lead> read(Reader csv) throws IOException {
        List<Lead> leads = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(csv)) {
            for (CSVRecord row : parser) {
                leads.add(toLead(
                        row.get("mql_id"),
                        row.get("first_contact_date"),
                        row.get("landing_page_id"),
                        row.get("origin")));
            }
        }
        return leads;
    }

    private static Lead toLead(String mqlId, String firstContact, String landingPage, String origin) {
        byte[] h = HexFormat.of().parseHex(mqlId);
        String first = pick(FIRST, h[0]);
        String last = pick(LAST, h[1]);
        String company = pick(COMPANY, h[2]);
        String domain = (h[3] & 0xff) % 10 == 0
                ? "gmail.com"
                : company.toLowerCase().replaceAll("[^a-z]", "") + "-" + mqlId.substring(0, 4) + ".com.br";
        String email = (first + "." + last)
                        .toLowerCase()
                        .replace('á', 'a')
                        .replace('ã', 'a')
                        .replace('é', 'e')
                        .replace('ó', 'o')
                        .replace('í', 'i')
                + "." + mqlId.substring(0, 6) + "@" + domain;
        var profile = new LeadProfile(
                first + " " + last,
                new EmailAddress(email),
                company,
                pick(TITLE, h[4]),
                SIZE[(h[5] & 0xff) % SIZE.length],
                "BR",
                origin.isBlank() ? null : origin,
                Map.of("landing_page_id", landingPage));
        var created = LocalDate.parse(firstContact, OLIST_DATE).atTime(9, 0).toInstant(ZoneOffset.UTC);
        return Lead.capture(profile, mqlId, created);
    }

    private static <T> T pick(List<T> from, byte b) {
        return from.get((b & 0xff) % from.size());
    }
}
