using System.Globalization;
using System.Text;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;
using Xunit.Abstractions;

namespace CommunityRules.Tests.Text;

/// <summary>
/// The personalData check on the precision corpus: a few hundred sentences as people write them at work, each value
/// that must be reported marked with its detector. Precision and recall are counted per detector, value by value.
/// </summary>
public sealed class PersonalDataPrecisionTests(ITestOutputHelper output)
{
    private const double PrecisionFloor = 0.99;

    // Measured on the corpus when it was written (every marked value found); a change that loses values fails here.
    private const double RecallFloor = 0.95;

    private const string Rules = """
        rules:
          - id: PII
            title: No personal data
            category: privacy
            severity: error
            target: post
            check: personalData
            options:
              fields: [text]
              ignoreEmailDomains: [nordvik.com, nordvik.se, nordvik.no, nordvik.dk, nordvik.fi]
              roleMailboxes: [lonekontoret, ekonomi]
            message: "{detector} ({value}) at {position}"
        """;

    private static readonly Lazy<IReadOnlyList<CorpusLine>> Corpus = new(() => CorpusLine.ReadAll(
        Path.Combine(AppContext.BaseDirectory, "TestData", "PersonalData", "precision-corpus.txt")));

    [Fact]
    public void Corpus_is_large_enough_and_covers_every_language_and_detector()
    {
        var corpus = Corpus.Value;
        Assert.True(corpus.Count(line => line.Expected.Count == 0) >= 200, "at least 200 sentences that must not be reported");
        Assert.True(corpus.Count(line => line.Expected.Count > 0) >= 100, "at least 100 sentences that must be reported");
        Assert.Equal(["da", "en", "fi", "no", "sv"], corpus.Select(line => line.Language).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            ["cpr", "email", "fodselsnummer", "hetu", "iban", "paymentCard", "personnummer", "phone"],
            corpus.SelectMany(line => line.Expected).Select(value => value.Detector).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Precision_and_recall_per_detector_stay_above_their_floors()
    {
        var loaded = TestInputs.CreateLoader().LoadText(Rules, "precision.yaml");
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        var checker = new PostChecker(loaded.RuleSet!);

        var counts = new SortedDictionary<string, (int TruePositives, int FalsePositives, int FalseNegatives)>(StringComparer.Ordinal);
        var mistakes = new StringBuilder();
        foreach (var line in Corpus.Value)
        {
            var found = checker.Check(new Post { Id = "p" + line.Number.ToString(CultureInfo.InvariantCulture), GroupId = "g", Text = line.Text })
                .Select(finding => new CorpusValue(
                    DetectorOf(finding.Properties["detector"]),
                    int.Parse(finding.Properties["position"], CultureInfo.InvariantCulture) - 1))
                .ToHashSet();
            foreach (var value in found.Union(line.Expected))
            {
                var (truePositives, falsePositives, falseNegatives) = counts.GetValueOrDefault(value.Detector);
                if (found.Contains(value) && line.Expected.Contains(value))
                {
                    truePositives++;
                }
                else if (found.Contains(value))
                {
                    falsePositives++;
                    mistakes.AppendLine(CultureInfo.InvariantCulture, $"  line {line.Number}: reported {value.Detector} '{Excerpt(line, value)}' in: {line.Text}");
                }
                else
                {
                    falseNegatives++;
                    mistakes.AppendLine(CultureInfo.InvariantCulture, $"  line {line.Number}: missed {value.Detector} '{Excerpt(line, value)}' in: {line.Text}");
                }

                counts[value.Detector] = (truePositives, falsePositives, falseNegatives);
            }
        }

        output.WriteLine("detector        precision  recall   TP  FP  FN");
        foreach (var (detector, (tp, fp, fn)) in counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{detector,-15} {Precision(tp, fp),9:0.000} {Recall(tp, fn),7:0.000} {tp,4} {fp,3} {fn,3}"));
        }

        var total = counts.Values.Aggregate((tp: 0, fp: 0, fn: 0), (sum, c) => (sum.tp + c.TruePositives, sum.fp + c.FalsePositives, sum.fn + c.FalseNegatives));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all",-15} {Precision(total.tp, total.fp),9:0.000} {Recall(total.tp, total.fn),7:0.000} {total.tp,4} {total.fp,3} {total.fn,3}"));
        if (mistakes.Length > 0)
        {
            output.WriteLine("Mistakes:");
            output.WriteLine(mistakes.ToString());
        }

        Assert.All(counts, pair => Assert.True(
            Precision(pair.Value.TruePositives, pair.Value.FalsePositives) >= PrecisionFloor && Recall(pair.Value.TruePositives, pair.Value.FalseNegatives) >= RecallFloor,
            $"{pair.Key}: precision {Precision(pair.Value.TruePositives, pair.Value.FalsePositives):0.000}, recall {Recall(pair.Value.TruePositives, pair.Value.FalseNegatives):0.000}{Environment.NewLine}{mistakes}"));
    }

    private static double Precision(int truePositives, int falsePositives) => truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);

    private static double Recall(int truePositives, int falseNegatives) => truePositives + falseNegatives == 0 ? 1 : (double)truePositives / (truePositives + falseNegatives);

    private static string DetectorOf(string displayName) => displayName switch
    {
        "e-mail address" => "email",
        "phone number" => "phone",
        "Swedish personnummer" => "personnummer",
        "Norwegian fødselsnummer" => "fodselsnummer",
        "Danish CPR number" => "cpr",
        "Finnish henkilötunnus" => "hetu",
        "IBAN" => "iban",
        "payment card number" => "paymentCard",
        _ => throw new ArgumentOutOfRangeException(nameof(displayName), displayName, "Unknown detector."),
    };

    // The masked value a finding shows need not be as long as the value (an e-mail's local part is cut short), so a
    // value is known by its detector and where it starts.
    private sealed record CorpusValue(string Detector, int Start);

    private static string Excerpt(CorpusLine line, CorpusValue value) =>
        line.Text.Substring(value.Start, line.Lengths.TryGetValue(value, out var length) ? length : Math.Min(16, line.Text.Length - value.Start));

    private sealed record CorpusLine(int Number, string Language, string Text, IReadOnlySet<CorpusValue> Expected, IReadOnlyDictionary<CorpusValue, int> Lengths)
    {
        private const string Open = "[[";
        private const string Close = "]]";

        public static List<CorpusLine> ReadAll(string path)
        {
            var lines = new List<CorpusLine>();
            var number = 0;
            foreach (var raw in File.ReadLines(path))
            {
                number++;
                if (raw.Length == 0 || raw[0] == '#')
                {
                    continue;
                }

                var bar = raw.IndexOf("| ", StringComparison.Ordinal);
                Assert.True(bar == 2, $"line {number}: expected 'xx| text'");
                lines.Add(Parse(number, raw[..bar], raw[(bar + 2)..]));
            }

            return lines;
        }

        private static CorpusLine Parse(int number, string language, string marked)
        {
            var text = new StringBuilder(marked.Length);
            var expected = new Dictionary<CorpusValue, int>();
            var at = 0;
            while (true)
            {
                var open = marked.IndexOf(Open, at, StringComparison.Ordinal);
                if (open < 0)
                {
                    text.Append(marked, at, marked.Length - at);
                    break;
                }

                var close = marked.IndexOf(Close, open, StringComparison.Ordinal);
                var colon = marked.IndexOf(':', open);
                Assert.True(close > colon && colon > open, $"line {number}: a marker is [[detector:value]]");
                text.Append(marked, at, open - at);
                var value = marked[(colon + 1)..close];
                expected.Add(new CorpusValue(marked[(open + Open.Length)..colon], text.Length), value.Length);
                text.Append(value);
                at = close + Close.Length;
            }

            return new CorpusLine(number, language, text.ToString(), expected.Keys.ToHashSet(), expected);
        }
    }
}
