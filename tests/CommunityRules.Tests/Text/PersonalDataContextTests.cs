using CommunityRules.Text.PersonalData;
using static CommunityRules.Tests.Text.PersonalDataTestSupport;

namespace CommunityRules.Tests.Text;

/// <summary>Where digits stand decides as much as their check digits: links, identifiers, timestamps, amounts, reference words, EAN codes and phone words.</summary>
public sealed class PersonalDataContextTests
{
    [Theory]
    [InlineData("https://jira.example.se/browse/HR-19121212-1212")]
    [InlineData("https://forms.example.com/r/811218-9876?lang=sv")]
    [InlineData("https://example.com/watch?v=0701234567&t=12s")]
    [InlineData("https://example.com/page#4111111111111111")]
    [InlineData("HTTPS://EXAMPLE.COM/a/01010750160")]
    [InlineData("www.example.no/s/912 34 567")] // the grouping runs out of the link at the space: "34 567" is no phone
    [InlineData("www.example.se/kampanj/4111111111111111")]
    [InlineData("intranet.example.se/hr/811218-9876/bilaga.pdf")]
    [InlineData("borger.dk/arbejde/0707614285")]
    [InlineData("(https://status.example.com/incidents/131052-308T)")]
    [InlineData("[agenda](https://intranet.example.com/events/0701234567)")]
    public void Digits_in_a_link_are_no_personal_data(string link) => AssertNone($"Se {link} för detaljer.");

    [Fact]
    public void A_value_after_a_link_is_still_found()
    {
        AssertFound(PersonalDataKinds.Phone, "070-123 45 67", "Se https://intranet.example.se/hr/123 eller ring ", ".");
        AssertFound(PersonalDataKinds.Personnummer, "811218-9876", "https://example.com/a/811218-9876 och ", ".");
    }

    [Fact]
    public void An_address_inside_a_link_after_its_digits_is_still_an_address()
    {
        AssertFound(PersonalDataKinds.Email, "anna.berg@gmail.com", "https://example.com/u/0701234567?mail=", string.Empty);
    }

    [Theory]
    [InlineData("Jira-ärendet HR-19121212 är löst.")]
    [InlineData("Filen protokoll_8112189876.docx ligger i mappen.")]
    [InlineData("Loggen visar fel i 8112189876.csv i natt.")]
    [InlineData("2026-09-30 14:22:05 912 34 567 rader lästes in.")]
    [InlineData("30.09.2026 91 23 45 67 behandlades.")]
    [InlineData("14:22:05.123 912 34 567 bytes")]
    [InlineData("Värdet 12 34 56 78 14:22 var fel.")]
    public void Identifiers_file_names_and_timestamps_are_no_personal_data(string text) => AssertNone(text);

    [Fact]
    public void An_identity_number_written_with_its_separator_in_a_file_name_is_found()
    {
        AssertFound(PersonalDataKinds.Personnummer, "811218-9876", "Se bifogad fil lön_", ".pdf");
        AssertFound(PersonalDataKinds.Hetu, "131052-308T", "Liite palkka-", ".xlsx");
    }

    [Theory]
    [InlineData("Budgeten är 1 234 567 kr.")]
    [InlineData("Det blev 12 34 56 78 kr.")]
    [InlineData("Priset är 912 34 567 NOK.")]
    [InlineData("Kostnad: kr 91 234 567,- inkl. mva.")]
    [InlineData("Omsättning 45 67 89 12:- i år.")]
    [InlineData("Total €12 34 56 78, then $ 91 23 45 67.")]
    [InlineData("It cost 91234567 USD.")]
    [InlineData("DKK 20 12 34 56 for renoveringen.")]
    public void Amounts_are_no_personal_data(string text) => AssertNone(text);

    [Theory]
    [InlineData("Order 811218-9876 är skickad.")]
    [InlineData("Ordernummer 8112189876 är skickad.")]
    [InlineData("Inköpsorder 8112189876 är godkänd.")]
    [InlineData("Ordrenr. 91 23 45 67 er sendt.")]
    [InlineData("Faktura 0707614285 är betald.")]
    [InlineData("Invoice no. 19121212-1212 has the wrong VAT.")]
    [InlineData("Lasku nro 131052-308T hyväksytty.")]
    [InlineData("KID-nummer 01010750160 må være med.")]
    [InlineData("Ticket #912 34 567 is fixed.")]
    [InlineData("Servicenow-ärende 811218-9876: skrivaren fungerar.")]
    [InlineData("Tikettinumero 8112189876 on ratkaistu.")]
    [InlineData("Sagsnr. 070761-4285 vedrører lejekontrakten.")]
    [InlineData("Art.nr. 912 34 567 ligger på hylle 4.")]
    [InlineData("EAN-koodi 4111111111111111 ei löydy.")]
    [InlineData("Rom 912 34 567 i tredje etasje.")]
    [InlineData("Vi ses i huoneessa 12 34 56 78.")]
    [InlineData("Transaction id 4111 1111 1111 1111 was refunded.")]
    public void A_number_right_after_a_reference_word_is_no_personal_data(string text) => AssertNone(text);

    [Theory]
    [InlineData("Mitt personnummer är 811218-9876.", "811218-9876", "personnummer")]
    [InlineData("My ID number is 811218-9876.", "811218-9876", "personnummer")]
    [InlineData("Skicka fakturan till 811218-9876 i morgon.", "811218-9876", "personnummer")]
    [InlineData("Order klar; ring 070-123 45 67.", "070-123 45 67", "phone")]
    [InlineData("Frågor om din order: +46 70 123 45 67.", "+46 70 123 45 67", "phone")]
    public void A_reference_word_counts_only_right_before_the_number(string text, string value, string kind)
    {
        var found = Assert.Single(Find(text));
        Assert.Equal(kind, PersonalDataScanner.NameOf(found.Kind));
        Assert.Equal(value, text.Substring(found.Start, found.Length));
    }

    [Theory]
    [InlineData("Ring meg på ", "91234567")]
    [InlineData("Tlf. ", "41234567")]
    [InlineData("Mobil: ", "98765432")]
    [InlineData("Mit mobilnummer er ", "31234567")]
    [InlineData("Call me on ", "20123456")]
    [InlineData("Puh. ", "51234567")]
    [InlineData("Telefon\n", "22123456")]
    [InlineData("Sak 91234567 gjelder meg, ring ", "45123456")]
    public void Eight_digits_in_a_row_are_a_phone_number_after_a_phone_word(string before, string value) =>
        AssertFound(PersonalDataKinds.Phone, value, before, " i dag.", PersonalDataKinds.Phone);

    [Theory]
    [InlineData("Kvittering 91234567 fra butikken.")]
    [InlineData("Your one-time code is 91234567.")]
    [InlineData("Vi har sålt 45678912 enheter.")]
    [InlineData("Ring mig. 91234567 är ordernumret.")] // the phone word is in the sentence before
    [InlineData("Tlf 12345678 finns inte.")] // no subscriber number starts with 1
    [InlineData("Ring 01234567.")]
    public void Eight_digits_in_a_row_without_a_phone_word_are_not_a_phone_number(string text) => AssertNone(text);

    [Theory]
    [InlineData("Lottoraden blev 4 12 23 34 45 56 och 7.")]
    [InlineData("Resultat: 3 91 23 45 67.")]
    public void A_grouping_that_ends_a_longer_run_of_groups_is_not_a_phone_number(string text) => AssertNone(text, PersonalDataKinds.Phone);

    [Theory]
    [InlineData("5793033323226")] // a Danish product's EAN-13, Luhn valid with a Maestro prefix
    [InlineData("4054821658724")] // a German product's EAN-13, Luhn valid with a Visa prefix
    public void A_13_digit_card_number_that_is_a_valid_ean_13_is_a_barcode(string value)
    {
        AssertNone($"Varan {value} är slut.");
        Assert.True(PersonalDataContext.IsEan13(value, 0, value.Length));
    }

    [Fact]
    public void The_name_of_an_identity_number_picks_the_kind_its_digits_hold_for()
    {
        // 0707614285 passes the old CPR mod-11 check and Luhn as a samordningsnummer; the word before says which.
        AssertFound(PersonalDataKinds.Cpr, "0707614285", "CPR-nummer ", ".");
        AssertFound(PersonalDataKinds.Cpr, "070761-4285", "Mit cpr-nr. er ", ".");
        AssertFound(PersonalDataKinds.Personnummer, "070761-4285", "Mitt pnr är ", ".");
        AssertFound(PersonalDataKinds.Personnummer, "070761-4285", "Nummer ", ".");

        // A name the digits do not hold for changes nothing.
        AssertFound(PersonalDataKinds.Personnummer, "811218-9876", "Hetu ", ".");
    }

    [Fact]
    public void Scan_of_text_with_links_and_reference_numbers_allocates_nothing()
    {
        var text = string.Concat(Enumerable.Repeat(
            "Se https://jira.example.se/browse/HR-19121212 och www.example.no/s/91234567, order 8112189876 (1 234 567 kr), " +
            "EAN 5793033323226, rum 12 34 56 78, kvittering 91234567, 2026-09-30 14:22:05 912 34 567; ring 91234567. ", 40));
        var warmUp = default(CountingSink);
        PersonalDataScanner.Scan(text, PersonalDataKinds.All, ref warmUp);

        var sink = default(CountingSink);
        var before = GC.GetAllocatedBytesForCurrentThread();
        PersonalDataScanner.Scan(text, PersonalDataKinds.All, ref sink);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(40, sink.Count);
    }

    [Fact]
    public void A_long_link_full_of_digits_is_read_once()
    {
        // Quadratic work would show as a time-out long before an assertion; what is checked here is the result.
        var link = "https://example.com/" + string.Join("/", Enumerable.Range(0, 5_000).Select(i => "811218-9876"));
        AssertNone(link);
        AssertNone("x " + link.Replace("https://", string.Empty, StringComparison.Ordinal));
    }
}
