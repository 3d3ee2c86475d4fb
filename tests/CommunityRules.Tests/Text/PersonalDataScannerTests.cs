using CommunityRules.Text.PersonalData;
using static CommunityRules.Tests.Text.PersonalDataTestSupport;

namespace CommunityRules.Tests.Text;

/// <summary>The scanner as a whole: priority between kinds, masking, names and allocation.</summary>
public sealed class PersonalDataScannerTests
{
    [Fact]
    public void Personnummer_wins_over_cpr_for_a_value_valid_as_both()
    {
        // 121212-1212 is 12 Dec 1912 to the CPR rules, and Luhn valid as a personnummer.
        AssertFound(PersonalDataKinds.Personnummer, "121212-1212");
        AssertFound(PersonalDataKinds.Cpr, "121212-1212", kinds: PersonalDataKinds.Cpr);

        // The CPR office's own example is also a valid samordningsnummer (day 61).
        AssertFound(PersonalDataKinds.Personnummer, "070761-4285");
    }

    [Fact]
    public void Hetu_wins_over_cpr_for_a_value_valid_as_both()
    {
        AssertFound(PersonalDataKinds.Hetu, "121212-0150");
        AssertFound(PersonalDataKinds.Cpr, "121212-0150", kinds: PersonalDataKinds.Cpr | PersonalDataKinds.Phone);
    }

    [Fact]
    public void A_checksum_kind_wins_over_phone_for_a_value_valid_as_both()
    {
        // 0701234569 is a Swedish mobile number and, by Luhn, the personnummer of someone born 23 January 1907.
        AssertFound(PersonalDataKinds.Personnummer, "0701234569");
        AssertFound(PersonalDataKinds.Phone, "0701234569", kinds: PersonalDataKinds.Phone | PersonalDataKinds.Cpr);
    }

    [Fact]
    public void An_address_whose_local_part_is_a_phone_number_is_one_email()
    {
        AssertFound(PersonalDataKinds.Email, "0701234567@sms.example.com");
        AssertFound(PersonalDataKinds.Email, "a.0701234567@sms.example.com");
        AssertFound(PersonalDataKinds.Phone, "0701234567", after: "@", kinds: PersonalDataKinds.Phone);
    }

    [Fact]
    public void Overlapping_values_are_reported_once()
    {
        // The IBAN's digits hold no separate card, phone or ID number; the phone holds no Norwegian mobile.
        AssertFound(PersonalDataKinds.Iban, "SE45 5000 0000 0583 9825 7466");
        AssertFound(PersonalDataKinds.Phone, "+47 912 34 567");
        AssertFound(PersonalDataKinds.Phone, "0046 70-123 45 67");
    }

    [Theory]
    [InlineData("personnummer", "850101-1234", "850101-****")]
    [InlineData("personnummer", "19121212-1212", "19121212-****")]
    [InlineData("personnummer", "1212121212", "121212****")]
    [InlineData("fodselsnummer", "01010750160", "010107*****")]
    [InlineData("fodselsnummer", "010107 50160", "010107 *****")]
    [InlineData("cpr", "070761-4285", "070761-****")]
    [InlineData("hetu", "131052-308T", "131052-****")]
    [InlineData("hetu", "010594Y9021", "010594Y****")]
    [InlineData("paymentCard", "4111 1111 1111 1111", "**** **** **** 1111")]
    [InlineData("paymentCard", "378282246310005", "***********0005")]
    [InlineData("iban", "SE45 5000 0000 0583 9825 7466", "SE45 **** **** **** **** 7466")]
    [InlineData("iban", "NO9386011117947", "NO93*********47")]
    [InlineData("email", "anna.svensson@example.com", "a***@example.com")]
    [InlineData("email", "a@example.com", "***@example.com")]
    [InlineData("phone", "+46 70 123 45 67", "+46 70 *** ** **")]
    [InlineData("phone", "070-123 45 67", "070-*** ** **")]
    [InlineData("phone", "912 34 567", "91* ** ***")]
    [InlineData("phone", "+358 40 123 4567", "+358 40 *** ****")]
    public void Mask_hides_all_but_the_harmless_part(string kindName, string value, string expected)
    {
        var kind = Kind(kindName);
        var masked = PersonalDataScanner.Mask(kind, value);

        Assert.Equal(expected, masked);
        Assert.Equal(masked, PersonalDataScanner.Mask(kind, value));
        Assert.DoesNotContain(value, masked, StringComparison.Ordinal);
        Assert.DoesNotContain(Compact(value), Compact(masked), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("personnummer", "19121212-1212", 8)]
    [InlineData("personnummer", "811218-9876", 6)]
    [InlineData("fodselsnummer", "13097248022", 6)]
    [InlineData("cpr", "0707614285", 6)]
    [InlineData("hetu", "020594X903P", 7)]
    public void Mask_of_an_identity_number_shows_no_more_than_the_birth_date(string kindName, string value, int datePart)
    {
        var kind = Kind(kindName);
        var masked = PersonalDataScanner.Mask(kind, value);

        Assert.Equal(value[..datePart], masked[..datePart]);
        Assert.All(masked[datePart..], c => Assert.False(char.IsLetterOrDigit(c), masked));
    }

    [Fact]
    public void Mask_of_every_kind_hides_something_of_every_value_found()
    {
        const string Text = "070-123 45 67 anna@example.se 811218-9876 01010750160 0707614285 131052-308T SE45 5000 0000 0583 9825 7466 4111 1111 1111 1111";
        foreach (var kind in Enum.GetValues<PersonalDataKinds>().Where(kind => kind is not (PersonalDataKinds.None or PersonalDataKinds.All)))
        {
            var matches = Find(Text, kind);
            Assert.NotEmpty(matches);
            foreach (var match in matches)
            {
                var value = Text.Substring(match.Start, match.Length);
                var masked = PersonalDataScanner.Mask(kind, value);
                Assert.True(masked.Count(c => c == '*') >= 3, $"{kind}: {masked}");
                Assert.DoesNotContain(Compact(value), Compact(masked), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("Plus + och at @ utan siffror: +a @ b@ @c")]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("+")]
    [InlineData("7")]
    [InlineData("SE")]
    [InlineData("SE4")]
    public void Texts_too_short_or_without_values_find_nothing(string text) => AssertNone(text);

    [Fact]
    public void Values_at_the_very_start_and_end_of_the_text_are_found()
    {
        AssertFound(PersonalDataKinds.Iban, "SE4550000000058398257466", string.Empty, string.Empty);
        AssertFound(PersonalDataKinds.Phone, "+46701234567", string.Empty, string.Empty);
        AssertFound(PersonalDataKinds.Email, "anna@example.com", string.Empty, string.Empty);
        AssertFound(PersonalDataKinds.Hetu, "131052-308T", string.Empty, string.Empty);
    }

    [Fact]
    public void Names_parse_back_to_their_kinds_ignoring_case()
    {
        Assert.Equal(["email", "phone", "personnummer", "fodselsnummer", "cpr", "hetu", "iban", "paymentCard"], PersonalDataScanner.Names);
        foreach (var name in PersonalDataScanner.Names)
        {
            Assert.True(PersonalDataScanner.TryParseName(name.ToUpperInvariant(), out var kind));
            Assert.Equal(name, PersonalDataScanner.NameOf(kind));
        }

        Assert.True(PersonalDataScanner.TryParseName("PaymentCard", out var card));
        Assert.Equal(PersonalDataKinds.PaymentCard, card);
        Assert.False(PersonalDataScanner.TryParseName("ssn", out var none));
        Assert.Equal(PersonalDataKinds.None, none);
        Assert.False(PersonalDataScanner.TryParseName(string.Empty, out _));
    }

    [Theory]
    [InlineData("email", "e-mail address")]
    [InlineData("phone", "phone number")]
    [InlineData("personnummer", "Swedish personnummer")]
    [InlineData("fodselsnummer", "Norwegian fødselsnummer")]
    [InlineData("cpr", "Danish CPR number")]
    [InlineData("hetu", "Finnish henkilötunnus")]
    [InlineData("iban", "IBAN")]
    [InlineData("paymentCard", "payment card number")]
    public void Display_names_read_well_in_a_message(string kindName, string expected) => Assert.Equal(expected, PersonalDataScanner.DisplayNameOf(Kind(kindName)));

    [Fact]
    public void Names_are_only_for_single_kinds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalDataScanner.NameOf(PersonalDataKinds.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalDataScanner.NameOf(PersonalDataKinds.Email | PersonalDataKinds.Phone));
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalDataScanner.DisplayNameOf(PersonalDataKinds.All));
    }

    [Fact]
    public void Scan_of_a_clean_10_KB_text_allocates_nothing()
    {
        var text = string.Concat(Enumerable.Repeat("Hej allihop! Välkomna till gruppen för fika, kaffe och kanelbullar. ", 200))[..10_240];
        AssertNoAllocation(text, expectedMatches: 0);
    }

    [Fact]
    public void Scan_of_a_text_with_numbers_and_matches_allocates_nothing()
    {
        var text = string.Concat(Enumerable.Repeat(
            "Ring 070-123 45 67 eller mejla anna@example.se. Pnr 811218-9876, konto SE45 5000 0000 0583 9825 7466, kort 4111 1111 1111 1111, " +
            "hetu 131052-308T, fnr 01010750160, cpr 070761-4285, +47 912 34 567. Mötet 2026-11-28 kl. 12:30 kostar 1 234,50 kr. ", 40));
        AssertNoAllocation(text, expectedMatches: 40 * 9);
    }

    [Fact]
    public void The_shape_test_before_the_detectors_turns_away_no_value_any_detector_finds()
    {
        // Runs of digits of every length between separators a value may hold, and real values of every kind among
        // them: wherever a detector finds a value, the scanner's shape test must let it through.
        var random = new Random(14);
        string[] separators = [" ", " ", "-", "-", "+", ".", ",", ":", "(", ")", " (", ") ", "A", "Y", "x", "/", "  "];
        string[] values = ["850101-1234", "19121212-1212", "1212121212", "01010750160", "010107 50160", "070761-4285", "131052-308T", "010594Y9021",
            "4111 1111 1111 1111", "378282246310005", "070-123 45 67", "08-123 456 78", "0701234569", "0046 70-123 45 67", "00467 123 4567",
            "0046(0)70-1234567", "12 34 56 78", "912 34 567", "91234567", "040 123 4567", "050-1234567", "5555-5555-5555-4444"];
        var found = 0;
        for (var round = 0; round < 4_000; round++)
        {
            var text = new System.Text.StringBuilder();
            var parts = random.Next(1, 6);
            for (var part = 0; part < parts; part++)
            {
                if (random.Next(3) == 0)
                {
                    text.Append(values[random.Next(values.Length)]);
                }
                else
                {
                    var digits = random.Next(1, 21);
                    for (var i = 0; i < digits; i++)
                    {
                        text.Append((char)('0' + (i < 2 && random.Next(4) == 0 ? 0 : random.Next(10))));
                    }
                }

                text.Append(separators[random.Next(separators.Length)]);
            }

            var span = text.ToString().AsSpan();
            for (var hit = 0; hit < span.Length; hit++)
            {
                if (!char.IsAsciiDigit(span[hit]))
                {
                    continue;
                }

                var lengths = new[]
                {
                    PersonnummerDetector.Match(span, hit), FodselsnummerDetector.Match(span, hit), HetuDetector.Match(span, hit),
                    PaymentCardDetector.Match(span, hit), CprDetector.Match(span, hit), PhoneDetector.Match(span, hit, out _),
                };
                if (lengths.Any(length => length > 0))
                {
                    found++;
                    Assert.True(PersonalDataScanner.MayStartDigitValue(span, hit), $"'{span.ToString()}' at {hit}");
                }
            }
        }

        Assert.True(found > 2_000, $"only {found} values found; the test would prove little");
    }

    private static void AssertNoAllocation(string text, int expectedMatches)
    {
        var warmUp = default(CountingSink);
        PersonalDataScanner.Scan(text, PersonalDataKinds.All, ref warmUp);

        var sink = default(CountingSink);
        var before = GC.GetAllocatedBytesForCurrentThread();
        PersonalDataScanner.Scan(text, PersonalDataKinds.All, ref sink);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(expectedMatches, sink.Count);
    }

    // Theories name the kind as YAML does, since the enum is internal and xunit's test methods are public.
    private static PersonalDataKinds Kind(string name) => PersonalDataScanner.TryParseName(name, out var kind) ? kind : throw new ArgumentException(name, nameof(name));

    private static string Compact(string value) => new([.. value.Where(char.IsLetterOrDigit)]);
}
