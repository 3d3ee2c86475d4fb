using System.Text;

namespace CommunityRules.Text.PersonalData;

/// <summary>
/// Masks every piece of personal data in a text that goes into a report: a post's title naming its target, a
/// message placeholder such as <c>{post.text}</c>, a pattern's match. The personal-data check masks what it reports;
/// this keeps the same values from leaking through the other ways post text reaches a finding.
/// </summary>
internal static class PersonalDataRedaction
{
    /// <summary>Returns the text with each value masked, or the same instance when it holds none.</summary>
    public static string Redact(string text)
    {
        var found = new Collector();
        PersonalDataScanner.Scan(text, PersonalDataKinds.All, ref found);
        if (found.Matches is null)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var match in found.Matches)
        {
            result.Append(text, at, match.Start - at);
            result.Append(PersonalDataScanner.Mask(match.Kind, text.AsSpan(match.Start, match.Length)));
            at = match.Start + match.Length;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    private struct Collector : IPersonalDataSink
    {
        public List<PersonalDataMatch>? Matches;

        public void Add(PersonalDataMatch match) => (Matches ??= []).Add(match);
    }
}
