using CommunityRules.Text.PersonalData;

namespace CommunityRules.Tests.Text;

/// <summary>Runs the scanner and checks what it found.</summary>
internal static class PersonalDataTestSupport
{
    public static List<PersonalDataMatch> Find(string text, PersonalDataKinds kinds = PersonalDataKinds.All)
    {
        var sink = new ListSink([]);
        PersonalDataScanner.Scan(text, kinds, ref sink);
        return sink.Matches;
    }

    /// <summary>Asserts that <paramref name="value"/>, put between the two texts, is found once, whole, as <paramref name="kind"/>.</summary>
    public static void AssertFound(PersonalDataKinds kind, string value, string before = "Se ", string after = " tack.", PersonalDataKinds kinds = PersonalDataKinds.All)
    {
        var matches = Find(before + value + after, kinds);
        Assert.Equal([new PersonalDataMatch(kind, before.Length, value.Length)], matches);
    }

    public static void AssertNone(string text, PersonalDataKinds kinds = PersonalDataKinds.All) => Assert.Empty(Find(text, kinds));

    private readonly struct ListSink(List<PersonalDataMatch> matches) : IPersonalDataSink
    {
        public List<PersonalDataMatch> Matches { get; } = matches;

        public void Add(PersonalDataMatch match) => Matches.Add(match);
    }
}

/// <summary>Counts matches without allocating, for the allocation tests.</summary>
internal struct CountingSink : IPersonalDataSink
{
    public int Count { get; private set; }

    public int LastEnd { get; private set; }

    public void Add(PersonalDataMatch match)
    {
        Count++;
        LastEnd = match.Start + match.Length;
    }
}
