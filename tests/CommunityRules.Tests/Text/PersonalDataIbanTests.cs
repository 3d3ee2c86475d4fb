using System.Text;
using CommunityRules.Text.PersonalData;
using static CommunityRules.Tests.Text.PersonalDataTestSupport;

namespace CommunityRules.Tests.Text;

/// <summary>IBANs: the registry's example for every country, printed compact and in groups of four, and near misses.</summary>
public sealed class PersonalDataIbanTests
{
    private static readonly Lazy<string[]> Examples = new(() =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "PersonalData", "iban-examples.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))]);

    [Fact]
    public void Every_country_in_the_length_table_has_an_example_of_its_length()
    {
        var examples = Examples.Value;
        Assert.Equal(89, IbanRegistry.CountryCount);
        Assert.Equal(IbanRegistry.CountryCount, examples.Length);
        Assert.Equal(examples.Length, examples.Select(example => example[..2]).Distinct(StringComparer.Ordinal).Count());
        Assert.All(examples, example => Assert.Equal(example.Length, IbanRegistry.LengthOf(example[0], example[1])));
    }

    [Fact]
    public void Every_registry_example_is_found_compact()
    {
        Assert.All(Examples.Value, example => AssertFound(PersonalDataKinds.Iban, example, "Konto: ", ". Tack!"));
    }

    [Fact]
    public void Every_registry_example_is_found_in_groups_of_four()
    {
        Assert.All(Examples.Value, example => AssertFound(PersonalDataKinds.Iban, InGroupsOfFour(example), "IBAN ", " (lön)"));
    }

    [Fact]
    public void Every_registry_example_with_one_digit_changed_is_not_found()
    {
        Assert.All(Examples.Value, example =>
        {
            // Change the last digit of the BBAN: mod 97 catches every single-digit error.
            var index = example.AsSpan().LastIndexOfAnyInRange('0', '9');
            var changed = example[..index] + (char)('0' + ((example[index] - '0' + 1) % 10)) + example[(index + 1)..];
            AssertNone($"Konto {changed} och {InGroupsOfFour(changed)}.", PersonalDataKinds.Iban);
        });
    }

    [Theory]
    [InlineData("SE45 5000 0000 0583 9825 746")] // one character short
    [InlineData("SE4550000000058398257466 0")] // compact, then another number: still found, see below
    [InlineData("XX45 5000 0000 0583 9825 7466")] // no such country
    [InlineData("se45 5000 0000 0583 9825 7466")] // only upper case is read
    [InlineData("SE45 50000000 0583 9825 7466")] // broken grouping
    [InlineData("SE45  5000 0000 0583 9825 7466")]
    [InlineData("ASE4550000000058398257466")] // inside a word
    [InlineData("SE45500000000583982574661")] // one character too many
    [InlineData("GB29 NWBK 6016 1331 9268 19X")]
    public void Iban_near_misses_are_not_found(string text)
    {
        var matches = Find(text, PersonalDataKinds.Iban);
        if (text.StartsWith("SE4550000000058398257466 ", StringComparison.Ordinal))
        {
            Assert.Equal([new PersonalDataMatch(PersonalDataKinds.Iban, 0, 24)], matches);
            return;
        }

        Assert.Empty(matches);
    }

    [Fact]
    public void Iban_in_a_sentence_keeps_to_its_own_characters()
    {
        AssertFound(PersonalDataKinds.Iban, "GB29 NWBK 6016 1331 9268 19", "Pay to ", ", ref 1234.");
        AssertFound(PersonalDataKinds.Iban, "NO93 8601 1117 947", "(", ")");
    }

    private static string InGroupsOfFour(string iban)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < iban.Length; i += 4)
        {
            grouped.Append(i == 0 ? string.Empty : " ").Append(iban.AsSpan(i, Math.Min(4, iban.Length - i)));
        }

        return grouped.ToString();
    }
}
