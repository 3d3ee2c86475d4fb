using System.Globalization;
using CommunityRules.Data.Snapshot;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>
/// A bot's day with the bundled pack (<c>builtin:posting-guidelines</c>): the 12,000 posts of the generated sample
/// network, each in one of ten variants, so that most clean posts carry a raw hit that yields no finding, as real
/// posts do: an allowed link, a short post (below POST010's 40 characters but not a question), a word that starts a
/// listed phrase ("i", "per", "fy", "musta"), a role mailbox the e-mail policy lets through. A few are made dirty on
/// purpose (a file-sharing link, a post in capitals, a short question) beside the dirty posts the generator plants.
/// </summary>
internal static class BotMix
{
    /// <summary>The number of sample posts the mix is made from.</summary>
    public const int Posts = 12_000;

    private static readonly string[] ShortPosts =
    [
        "Tack alla!", "Grattis, Anna!", "Kiitos kaikille!", "Tusen takk for i dag.", "Bra jobbat!", "Välkommen Erik!",
        "Hyvää viikonloppua!", "God jul!", "Ses i morgon.", "Fint väder i dag.", "Mødet er flyttet.", "Tak for kaffe!",
    ];

    private static readonly string[] PhraseStarts =
    [
        " I dag har vi fika i köket.", " Per dags möte klockan 9 som vanligt.", " Fy vad kallt det var i morse!",
        " Musta kahvi on parasta.", " Valkoinen auto on parkkipaikalla.", " I henhold har vi ingenting.",
        " Fan club meeting on Friday.", " The piss poor weather continues.", " Per dags läge är allt lugnt.",
    ];

    private static readonly string[] AllowedLinks =
    [
        " Mer info: https://intranet.nordlys.example/nyheter/{0}", " Se www.nordlys.example/kalender/{0}",
        " Lue lisää: https://docs.microsoft.com/fi-fi/office/{0}", " https://www.youtube.com/watch?v=x{0}",
    ];

    private static readonly Lazy<RuleSet> _pack = new(LoadPack);

    private static readonly Lazy<Post[]> _mix = new(Create);

    /// <summary>Gets the bundled posting-guidelines pack, loaded once.</summary>
    public static RuleSet Pack => _pack.Value;

    /// <summary>Gets the mix: <see cref="Posts"/> posts.</summary>
    public static Post[] All => _mix.Value;

    /// <summary>Names the variant of a post of the mix, for the per-variant rows of the latency harness.</summary>
    /// <param name="index">The post's index in <see cref="All"/>.</param>
    /// <returns>The variant.</returns>
    public static string VariantOf(int index) => (index % 10) switch
    {
        0 or 1 or 2 or 3 => "as generated",
        4 => "+ allowed link",
        5 => "short, not a question",
        6 => "+ word that starts a phrase",
        7 => "short + allowed link",
        8 => "+ role mailbox",
        _ => index % 50 == 9 ? "in capitals" : index % 50 == 19 ? "+ file-sharing link" : index % 50 == 29 ? "short question" : "+ one more sentence",
    };

    private static RuleSet LoadPack()
    {
        var load = new RuleSetLoader(Checks.BuiltInChecks.Create()).Load(["builtin:posting-guidelines"]);
        return load.RuleSet ?? throw new InvalidOperationException("builtin:posting-guidelines did not load: " + string.Join("; ", load.Errors));
    }

    private static Post[] Create()
    {
        var folder = SnapshotCache.GetOrCreate(SnapshotCache.OptionsFor(Posts));
        var read = new List<Post>(Posts);
        var enumerator = new SnapshotProvider(folder).ReadPostsAsync(new IgnoringIssues(), CancellationToken.None).GetAsyncEnumerator();
        try
        {
            while (read.Count < Posts && enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                read.Add(enumerator.Current);
            }
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        var mix = new Post[read.Count];
        for (var i = 0; i < read.Count; i++)
        {
            mix[i] = Vary(read[i], i);
        }

        return mix;
    }

    private static Post Vary(Post post, int i)
    {
        var text = post.Text ?? string.Empty;
        var n = i.ToString(CultureInfo.InvariantCulture);
        return VariantOf(i) switch
        {
            "as generated" => post,
            "+ allowed link" => post with { Text = text + string.Format(CultureInfo.InvariantCulture, AllowedLinks[i / 10 % AllowedLinks.Length], n) },
            "short, not a question" => post with { Title = null, Type = PostType.Post, Text = ShortPosts[i / 10 % ShortPosts.Length] },
            "+ word that starts a phrase" => post with { Text = text + PhraseStarts[i / 10 % PhraseStarts.Length] },
            "short + allowed link" => post with { Title = null, Type = PostType.Post, Text = "Se " + string.Format(CultureInfo.InvariantCulture, AllowedLinks[i / 10 % AllowedLinks.Length], n).Trim() },
            "+ role mailbox" => post with { Text = text + " Frågor till support@nordlys.example eller hr@nordlys.example." },
            "in capitals" => post with { Text = text.ToUpperInvariant() },
            "+ file-sharing link" => post with { Text = text + " Filen: https://www.dropbox.com/s/" + n },
            "short question" => post with { Title = null, Type = PostType.Question, Text = "Hur bokar man rum?" },
            _ => post with { Text = text + " Vi ses på fredag!" },
        };
    }

    private sealed class IgnoringIssues : Data.IDataIssueReporter
    {
        public void Report(Data.DataIssue issue)
        {
        }

        public void Report(Data.DataNote note)
        {
        }
    }
}
