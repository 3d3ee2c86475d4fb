using CommunityRules.Text.PersonalData;
using static CommunityRules.Tests.Text.PersonalDataTestSupport;

namespace CommunityRules.Tests.Text;

/// <summary>Each detector on real test vectors and on near misses; every hit is checked for kind, start and length.</summary>
public sealed class PersonalDataDetectorTests
{
    // Skatteverket's published test numbers and the samordningsnummer example.
    [Theory]
    [InlineData("19121212-1212")]
    [InlineData("121212-1212")]
    [InlineData("1212121212")]
    [InlineData("191212121212")]
    [InlineData("121212+1212")]
    [InlineData("811218-9876")]
    [InlineData("19811218-9876")]
    [InlineData("701063-2391")]
    [InlineData("7010632391")]
    public void Personnummer_is_found_in_every_written_form(string value) => AssertFound(PersonalDataKinds.Personnummer, value, "Mitt personnummer är ", ".");

    [Theory]
    [InlineData("121212-1213")] // wrong check digit
    [InlineData("19121212-1211")]
    [InlineData("811318-9876")] // month 13
    [InlineData("19000229-1236")] // 1900 was no leap year
    [InlineData("701093-2391")] // samordningsnummer day 33
    [InlineData("121212–1212")] // en dash is no separator
    [InlineData("19121212+1212")] // the long form writes its century out
    public void Personnummer_near_misses_are_not_found(string value) => AssertNone($"Nr {value} här", PersonalDataKinds.Personnummer);

    [Fact]
    public void Personnummer_on_29_February_needs_a_leap_year()
    {
        AssertFound(PersonalDataKinds.Personnummer, "20000229-0005", kinds: PersonalDataKinds.Personnummer);
        AssertNone("20010229-0004", PersonalDataKinds.Personnummer);
    }

    // Published by NAV in navikt/fnrvalidator's tests (fnr, leap years, check digit 11 → 0, D- and H-nummer);
    // 01010750160 is the example the brief gives.
    [Theory]
    [InlineData("13097248022")]
    [InlineData("29029648784")]
    [InlineData("29020075838")]
    [InlineData("15021951940")]
    [InlineData("01010750160")]
    [InlineData("130972 48022")]
    [InlineData("53097248016")] // D-nummer
    [InlineData("13527248013")] // H-nummer
    public void Fodselsnummer_is_found(string value) => AssertFound(PersonalDataKinds.Fodselsnummer, value, "Fødselsnummer: ", "!");

    [Theory]
    [InlineData("13097248032")] // first check digit wrong
    [InlineData("13097248023")] // second check digit wrong
    [InlineData("32127248022")] // day 32
    [InlineData("13137248022")] // month 13
    [InlineData("1309724802")]
    [InlineData("130972-48022")]
    public void Fodselsnummer_near_misses_are_not_found(string value) => AssertNone($"fnr {value}.", PersonalDataKinds.Fodselsnummer);

    // 070761-4285 is the CPR office's example; it also reads as a Swedish samordningsnummer, so only CPR is asked for here.
    [Theory]
    [InlineData("070761-4285")]
    [InlineData("0707614285")] // plain form, passes the old mod-11 check
    [InlineData("311299-1234")] // hyphen form needs only a date
    [InlineData("010160-5012")] // 7th digit 5 and year 60: the 1800s
    public void Cpr_is_found(string value) => AssertFound(PersonalDataKinds.Cpr, value, "CPR-nr. ", " oplyst.", PersonalDataKinds.Cpr);

    [Theory]
    [InlineData("3112991234")] // plain form failing mod 11
    [InlineData("310299-1234")] // 31 February
    [InlineData("290201-4111")] // 2001 was no leap year
    [InlineData("070761 4285")]
    public void Cpr_near_misses_are_not_found(string value) => AssertNone($"CPR {value} her", PersonalDataKinds.Cpr);

    [Theory]
    [InlineData("131052-308T")]
    [InlineData("010594Y9021")]
    [InlineData("020594X903P")]
    [InlineData("020594X902N")]
    [InlineData("010516B903X")]
    [InlineData("010101+0101")]
    public void Hetu_is_found(string value) => AssertFound(PersonalDataKinds.Hetu, value, "Henkilötunnus ", " kiitos.");

    [Theory]
    [InlineData("131052-308U")] // wrong check character
    [InlineData("131052G308T")] // no such century sign
    [InlineData("310252-308T")] // 31 February
    [InlineData("131052-001J")] // individual numbers start at 002
    [InlineData("131052-308t")]
    public void Hetu_near_misses_are_not_found(string value) => AssertNone($"hetu {value}.", PersonalDataKinds.Hetu);

    // The card networks' published test numbers.
    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("4111111111111111")]
    [InlineData("4012888888881881")]
    [InlineData("4222222222222")]
    [InlineData("5555555555554444")]
    [InlineData("5105 1051 0510 5100")]
    [InlineData("2223003122003222")]
    [InlineData("378282246310005")]
    [InlineData("3782 822463 10005")]
    [InlineData("371449635398431")]
    [InlineData("6011111111111117")]
    [InlineData("6011000990139424")]
    [InlineData("3530111333300000")]
    [InlineData("3566002020360505")]
    [InlineData("30569309025904")]
    [InlineData("38520000023237")]
    [InlineData("6759649826438453")]
    public void Payment_card_is_found(string value) => AssertFound(PersonalDataKinds.PaymentCard, value, "Kort: ", ", giltigt till 12/28.");

    [Theory]
    [InlineData("4111 1111 1111 1112")] // Luhn fails
    [InlineData("5555555555554445")]
    [InlineData("4111 1111-1111 1111")] // mixed separators
    [InlineData("4111  1111 1111 1111")] // double space
    [InlineData("1234567812345670")] // Luhn valid, no issuer
    [InlineData("41111111111111111")] // 17 digits is no Visa length
    [InlineData("4111 1111 1111 1111 1111")] // 20 digits
    [InlineData("41111 111 1111 1111")] // grouped, but the first group is not four digits
    public void Payment_card_near_misses_are_not_found(string value) => AssertNone($"Kort {value} här", PersonalDataKinds.PaymentCard);

    [Theory]
    [InlineData("+46 70 123 45 67")]
    [InlineData("+46701234567")]
    [InlineData("+46 (0)70-123 45 67")]
    [InlineData("+47 912 34 567")]
    [InlineData("+358 40 123 4567")]
    [InlineData("+45 12 34 56 78")]
    [InlineData("+1 (555) 123-4567")]
    [InlineData("+49.30.1234.5678")]
    [InlineData("0046 70-123 45 67")]
    [InlineData("070-123 45 67")]
    [InlineData("070-1234567")]
    [InlineData("0701234567")]
    [InlineData("08-123 456 78")]
    [InlineData("040 123 4567")]
    [InlineData("050-1234567")]
    [InlineData("0501234567")]
    [InlineData("912 34 567")]
    [InlineData("91 23 45 67")]
    [InlineData("91234567")]
    [InlineData("12 34 56 78")]
    [InlineData("32 12 34 56")]
    public void Phone_is_found(string value) => AssertFound(PersonalDataKinds.Phone, value, "Ring mig på ", " i kväll.", PersonalDataKinds.Phone);

    [Theory]
    [InlineData("Mötet är 2026-11-28 kl. 12:30.")]
    [InlineData("Datum 28.11.2026 och 28/11/2026.")]
    [InlineData("Det kostar 1 234,50 kr eller 0,50 kr.")]
    [InlineData("Belopp 0701234567,50 kr.")]
    [InlineData("Version 10.0.100 och v1.2.3.4 släpptes 2026.")]
    [InlineData("Ordernummer 1234567890 och 12345678.")]
    [InlineData("Ring 081234567 eller 0812345678.")] // landline numbers are only found grouped
    [InlineData("Tid 08.15-09.30, rum 12 34 56 och 0 12 34 56.")]
    [InlineData("Kod +46 7 och 070-12 34.")] // too few digits
    [InlineData("Numret +0701234567 finns inte.")] // no country code starts with 0
    [InlineData("1234 5678 och 41 234 567.")] // neither a Norwegian nor a Danish grouping
    [InlineData("Konto 0701234567890.")] // too many digits
    [InlineData("x070-123 45 67 och 070-123 45 67y")] // inside words
    public void Phone_noise_is_not_found(string text) => AssertNone(text, PersonalDataKinds.Phone);

    [Theory]
    [InlineData("anna@example.com")]
    [InlineData("anna.svensson+nyhetsbrev@mail.example.se")]
    [InlineData("o'brien@example.ie", 2)] // the apostrophe is not in the practical subset: the address starts after it
    [InlineData("kalle_92@företag.se")]
    [InlineData("jörg.müller@bücher.de")]
    [InlineData("0701234567@sms.example.com")]
    [InlineData("a@b.co")]
    [InlineData("info@xn--fretag-gua.xn--p1ai")]
    public void Email_is_found(string value, int skipped = 0)
    {
        var text = "Mejla " + value + ", tack.";
        Assert.Equal([new PersonalDataMatch(PersonalDataKinds.Email, 6 + skipped, value.Length - skipped)], Find(text));
    }

    [Theory]
    [InlineData("anna@example")] // no TLD
    [InlineData("anna@example.c")] // one-letter TLD
    [InlineData("anna@example.123")]
    [InlineData("anna..b@example.com")]
    [InlineData("anna.@example.com")]
    [InlineData("@example.com")]
    [InlineData("anna@-example.com")]
    [InlineData("anna@example-.com")]
    [InlineData("anna@.com")]
    public void Email_near_misses_are_not_found(string value) => AssertNone($"Mejla {value} nu", PersonalDataKinds.Email);

    [Fact]
    public void Email_ending_a_sentence_leaves_out_the_full_stop()
    {
        AssertFound(PersonalDataKinds.Email, "anna@example.com", "Skriv till ", ".");
        AssertFound(PersonalDataKinds.Email, "anna@example.com", "(", ")");
        AssertFound(PersonalDataKinds.Email, "anna@example.com", "Se...", "...");
    }

    [Theory]
    [InlineData("x1912121212120")]
    [InlineData("1912121212120")]
    [InlineData("PNR19121212-1212")]
    [InlineData("19121212-1212x")]
    [InlineData("4111111111111111a")]
    [InlineData("ab4111111111111111")]
    [InlineData("1.19121212-1212")]
    [InlineData("19121212-1212,5")]
    [InlineData("X13097248022")]
    public void Values_inside_longer_runs_or_words_are_not_found(string text) => AssertNone(text);

    [Fact]
    public void Invalid_date_310299_is_no_identity_number_of_any_kind()
    {
        AssertNone("Nummer 310299-1234 och 3102991234 och 310299 12345 och 310299-123A.");
    }

    [Fact]
    public void Scan_with_no_kinds_finds_nothing()
    {
        AssertNone("19121212-1212 anna@example.com +46 70 123 45 67 4111 1111 1111 1111 SE45 5000 0000 0583 9825 7466", PersonalDataKinds.None);
    }

    [Fact]
    public void Scan_finds_only_the_kinds_asked_for()
    {
        const string Text = "pnr 19121212-1212, mejl anna@example.com";
        Assert.Equal([new PersonalDataMatch(PersonalDataKinds.Email, 24, 16)], Find(Text, PersonalDataKinds.Email));
        Assert.Equal([new PersonalDataMatch(PersonalDataKinds.Personnummer, 4, 13)], Find(Text, PersonalDataKinds.Personnummer | PersonalDataKinds.Phone));
    }

    [Fact]
    public void Matches_come_in_text_order()
    {
        const string Text = "Ring 070-123 45 67 eller mejla anna.svensson@example.se. Pnr 811218-9876, konto SE45 5000 0000 0583 9825 7466, kort 4111 1111 1111 1111, hetu 131052-308T, fnr 01010750160.";
        var expected = new[]
        {
            Expected(Text, PersonalDataKinds.Phone, "070-123 45 67"),
            Expected(Text, PersonalDataKinds.Email, "anna.svensson@example.se"),
            Expected(Text, PersonalDataKinds.Personnummer, "811218-9876"),
            Expected(Text, PersonalDataKinds.Iban, "SE45 5000 0000 0583 9825 7466"),
            Expected(Text, PersonalDataKinds.PaymentCard, "4111 1111 1111 1111"),
            Expected(Text, PersonalDataKinds.Hetu, "131052-308T"),
            Expected(Text, PersonalDataKinds.Fodselsnummer, "01010750160"),
        };
        Assert.Equal(expected, Find(Text));
    }

    [Fact]
    public void Values_right_next_to_each_other_across_punctuation_are_all_found()
    {
        const string Text = "19121212-1212/811218-9876;+46701234567";
        Assert.Equal(
            [
                new PersonalDataMatch(PersonalDataKinds.Personnummer, 0, 13),
                new PersonalDataMatch(PersonalDataKinds.Personnummer, 14, 11),
                new PersonalDataMatch(PersonalDataKinds.Phone, 26, 12),
            ],
            Find(Text));
    }

    private static PersonalDataMatch Expected(string text, PersonalDataKinds kind, string value) =>
        new(kind, text.IndexOf(value, StringComparison.Ordinal), value.Length);
}
