using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Text;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Text;

public sealed class PostCheckerTests
{
    private static readonly Lazy<RuleSet> Guidelines = new(() =>
    {
        var result = TestInputs.CreateLoader().LoadText("extends: [builtin:posting-guidelines]\n", "bot.yaml");
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        return result.RuleSet!;
    });

    private static readonly Post CleanPost = new()
    {
        Id = "p-clean",
        GroupId = "g1",
        Title = "Fredagsfika på plan 4",
        Text = "Hej alla! På fredag bjuder vi på kanelbullar och kaffe i köket på plan 4 klockan 15. Välkomna, och ta gärna med en kollega från ett annat team. Läs mer på intranätet under Nyheter.",
    };

    private static readonly Post DirtyPost = new()
    {
        Id = "p-dirty",
        GroupId = "g1",
        Text = "Ring mig på 070-123 45 67 eller skicka till 19121212-1212, filen ligger på https://wetransfer.com/x.",
    };

    [Fact]
    public void A_clean_post_allocates_nothing()
    {
        var checker = new PostChecker(Guidelines.Value);
        var comment = new Comment { Id = "c1", PostId = "p-clean", Text = CleanPost.Text };
        for (var i = 0; i < 20_000; i++)
        {
            checker.Check(CleanPost);
            checker.Check(comment);
        }

        var findings = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            findings += checker.Check(CleanPost).Count + checker.Check(comment).Count;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, findings);

        // The runtime's own bookkeeping (tiered compilation finishing) can show up once as about a kilobyte; a single
        // allocation per post, the smallest object being 24 bytes, would show up as 480,000.
        Assert.InRange(allocated, 0, 2_048);
    }

    public static TheoryData<string, string> CleanPostsWithRawHits => new()
    {
        { "an allowed link", "Agendan för fredagens möte finns på https://intranet.nordlys.example/moten/fredag, välkomna!" },
        { "a short post that is not a question", "Tack alla!" },
        { "a short post with an allowed link", "Se www.nordlys.example/kalender" },
        { "a role mailbox", "Frågor om resor till support@nordlys.example eller hr@nordlys.example, tack." },
        { "a word that starts a listed phrase", "I dag har vi fika, och per dags möte är klockan nio som vanligt. Fy vad kallt!" },
    };

    [Theory]
    [MemberData(nameof(CleanPostsWithRawHits))]
    public void A_clean_post_whose_raw_hits_yield_no_finding_allocates_nothing(string what, string text)
    {
        var ruleSet = Guidelines.Value;
        var post = new Post { Id = "p-raw", GroupId = "g1", AuthorId = "u1", Text = text };
        var comment = new Comment { Id = "c-raw", PostId = "p-raw", AuthorId = "u1", Text = text };
        var group = new Group { Id = "g1", Name = "Fika", Privacy = GroupPrivacy.Open };

        // The scan does find something in each of these posts: the test is about hits that no rule reports.
        var hits = new CommunityRules.Text.TextHits(null);
        ruleSet.Text!.Scan(post, ref hits);
        Assert.True(hits.Count > 0 || what.StartsWith("a word", StringComparison.Ordinal), $"{what}: no raw hit");

        var checker = new PostChecker(ruleSet);
        for (var i = 0; i < 20_000; i++)
        {
            checker.Check(post);
            checker.Check(post, group);
            checker.Check(comment);
        }

        var findings = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            findings += checker.Check(post).Count + checker.Check(post, group).Count + checker.Check(comment).Count;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, findings);

        // As above: one allocation per check would be at least 720,000 bytes.
        Assert.InRange(allocated, 0, 2_048);
    }

    [Fact]
    public void The_same_raw_hits_become_findings_when_a_rule_reaches_them()
    {
        var checker = new PostChecker(Guidelines.Value);

        Assert.Equal(["POST010"], checker.Check(new Post { Id = "p1", GroupId = "g1", Type = PostType.Question, Text = "Tack alla?" }).Select(finding => finding.Rule.Id));
        Assert.Equal(["POST007"], checker.Check(new Post { Id = "p2", GroupId = "g1", Text = "Se www.dropbox.com/s/kalender" }).Select(finding => finding.Rule.Id));
        Assert.Equal(["POST001"], checker.Check(new Post { Id = "p3", GroupId = "g1", Text = "Frågor om resor till anna.karlsson@example.com, tack så mycket." }).Select(finding => finding.Rule.Id));
    }

    [Theory]
    [InlineData("ΣΗΜΕΡΑ ΔΕΝ ΕΧΟΥΜΕ ΣΥΝΑΝΤΗΣΗ ΣΤΟ ΓΡΑΦΕΙΟ, ΕΛΑΤΕ ΑΥΡΙΟ.", true)]
    [InlineData("İSTANBUL OFİSİ YARIN KAPALI, LÜTFEN EVDEN ÇALIŞIN!", true)]
    [InlineData("ÅÄÖ ÆØÅ: ALLA MÅSTE BYTA LÖSENORD INNAN FREDAG, tack.", true)]
    [InlineData("Σήμερα δεν έχουμε συνάντηση στο γραφείο ΑΒΓ, ελάτε αύριο.", false)]
    [InlineData("İstanbul ofisi yarın kapalı, lütfen evden çalışın! İİİ", false)]
    public void Capitals_of_every_script_count_for_shouting(string text, bool shouting) =>
        Assert.Equal(shouting, new PostChecker(Guidelines.Value).Check(new Post { Id = "p1", GroupId = "g1", Text = text }).Any(finding => finding.Rule.Id == "POST009"));

    [Fact]
    public void A_scope_on_the_group_is_read_from_the_group_passed_in()
    {
        var result = TestInputs.CreateLoader().LoadText("""
            rules:
              - id: BOT-LEN
                title: Posts in open groups say enough
                target: post
                where: { group.privacy: open }
                check: length
                options: { minLength: 40 }
                message: "Too short: {reason}"
            """, "bot.yaml");
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        var checker = new PostChecker(result.RuleSet!);
        var post = new Post { Id = "p1", GroupId = "g1", Text = "Tack alla!" };

        Assert.Single(checker.Check(post, new Group { Id = "g1", Privacy = GroupPrivacy.Open }));
        Assert.Empty(checker.Check(post, new Group { Id = "g1", Privacy = GroupPrivacy.Closed }));
        Assert.Empty(checker.Check(post));
    }

    [Fact]
    public void A_dirty_post_gets_one_finding_per_problem_with_the_values_masked()
    {
        var findings = new PostChecker(Guidelines.Value).Check(DirtyPost);

        Assert.Equal(
            ["POST001 phone number", "POST001 Swedish personnummer", "POST007 wetransfer.com"],
            findings.Select(finding => $"{finding.Rule.Id} {finding.Properties.GetValueOrDefault("detector") ?? finding.Properties["domain"]}"));
        var everything = string.Join("\n", findings.Select(finding => finding.Message + string.Concat(finding.Properties.Values) + finding.Fingerprint));
        Assert.DoesNotContain("19121212-1212", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("123 45 67", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_threads_share_one_checker_and_get_the_same_findings()
    {
        var checker = new PostChecker(Guidelines.Value);
        var expected = checker.Check(DirtyPost).Select(finding => finding.Message).ToList();

        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var findings = checker.Check(i % 2 == 0 ? DirtyPost : CleanPost);
            results.Add(i % 2 == 0 ? string.Join("|", findings.Select(finding => finding.Message)) : findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

        Assert.Equal(1_000, results.Count(result => result == string.Join("|", expected)));
        Assert.Equal(1_000, results.Count(result => result == "0"));
    }

    [Fact]
    public void Exemptions_suppress_findings_in_the_bot_too()
    {
        var result = TestInputs.CreateLoader().LoadText("""
            extends: [builtin:posting-guidelines]
            exemptions:
              - rule: POST007
                target: p-dirty
                justification: The file was moved to the intranet; the link is dead.
                expires: 2099-01-01
            """, "bot.yaml");
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));

        var findings = new PostChecker(result.RuleSet!).Check(DirtyPost);

        Assert.True(Assert.Single(findings, finding => finding.Rule.Id == "POST007").IsSuppressed);
    }

    [Fact]
    public void Findings_whose_message_is_made_when_read_say_what_findings_formatted_when_reported_say()
    {
        // The bundled pack and a rule whose message reads the post, its group and the rule, with a group's scope and an exemption.
        var result = TestInputs.CreateLoader().LoadText("""
            extends: [builtin:posting-guidelines]
            rules:
              - id: BOT-ALL
                title: Words the bot quotes back
                target: post
                where: { group.privacy: open }
                check: terms
                options: { terms: [fika, lösenord] }
                message: "{rule.id} ({rule.title}, {rule.category}) in '{post.title}' of {group.name}: {match} at {position} in the {field}; {post.text} {author.country}"
            exemptions:
              - rule: POST007
                target: p-dirty
                justification: The file was moved.
                expires: 2999-01-01
                owner: it@nordlys.example
            """, "bot.yaml");
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        var ruleSet = result.RuleSet!;
        Post[] posts =
        [
            DirtyPost, CleanPost,
            new() { Id = "p-title", GroupId = "g1", Title = "Fika och lösenord 19121212-1212", Text = "Fika i köket, LÖSENORD 070-123 45 67 och https://pastebin.com/x." },
            new() { Id = "p-caps", GroupId = "g1", Title = "ALLA MÅSTE BYTA LÖSENORD", Text = "ALLA MÅSTE BYTA LÖSENORD INNAN FREDAG, TACK!" },
            new() { Id = "p-question", GroupId = "g1", Type = PostType.Question, Text = "Fika?" },
        ];
        var group = new Group { Id = "g1", Name = "Fika 070-123 45 67", Privacy = GroupPrivacy.Open };
        var checker = new PostChecker(ruleSet);
        var reported = 0;
        foreach (var post in posts)
        {
            foreach (var groupPassed in new[] { null, group })
            {
                var formattedNow = new FindingCollector(ruleSet, new NetworkView(null, DateTimeOffset.UtcNow), maxDataIssuesKept: 0, reportExpiredExemptions: false);
                var hits = new TextHits(null);
                ruleSet.Text!.Scan(post, ref hits);
                ItemActions.RunPost(ruleSet.PostRuntimes, ruleSet.Text, ref hits, post, groupPassed, formattedNow.Network, formattedNow);
                var expected = Describe(formattedNow.OrderedDiagnostics());

                // Read in another order than the listing does: what is made first must not change what is made next.
                var findings = checker.Check(post, groupPassed);
                _ = findings.Select(finding => (finding.Fingerprint, finding.Properties.Count)).ToList();
                Assert.Equal(expected, Describe(findings));
                reported += findings.Count;
            }
        }

        Assert.InRange(reported, 12, 100);
        Assert.Contains(checker.Check(posts[2], group), finding => finding.Message.StartsWith("BOT-ALL (Words the bot quotes back", StringComparison.Ordinal) && finding.Message.Contains("of Fika 070-*** ** **: Fika at 1 in the title", StringComparison.Ordinal));

        static string[] Describe(IEnumerable<CommunityRules.Diagnostics.Diagnostic> findings) =>
            [.. findings.Select(finding => $"{finding.Rule.Id}|{finding.Severity}|{finding.Target}|{finding.Suppression}|{finding.Message}|{string.Join(",", finding.Properties.Select(property => $"{property.Key}={property.Value}"))}|{finding.Fingerprint}|{finding}")];
    }

    [Fact]
    public void Personal_data_in_a_title_is_masked_in_the_target_and_in_placeholders()
    {
        var result = TestInputs.CreateLoader().LoadText("""
            rules:
              - id: BOT-PD
                title: No personal data
                target: post
                check: personalData
                message: "{detector} in '{post.title}': {post.text}"
            """, "bot.yaml");
        var post = new Post { Id = "p1", GroupId = "g1", Title = "Lön för 19121212-1212", Text = "Gäller 19121212-1212 och 121212-1212." };

        var findings = new PostChecker(result.RuleSet!).Check(post);

        Assert.Equal(3, findings.Count);
        Assert.All(findings, finding => Assert.Equal("Lön för 19121212-****", finding.Target.Name));
        var everything = string.Join("\n", findings.Select(finding => $"{finding.Message} {finding.Target} {string.Concat(finding.Properties.Values)}"));
        Assert.DoesNotContain("1212-1212", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_numbers_that_mask_alike_are_two_findings_and_one_number_twice_is_one()
    {
        var checker = new PostChecker(Guidelines.Value);

        var two = checker.Check(new Post { Id = "p1", GroupId = "g1", Text = "Personnummer 19121212-1212 och 19121212-1204." });
        var once = checker.Check(new Post { Id = "p2", GroupId = "g1", Text = "Personnummer 19121212-1212 och igen 19121212-1212." });

        Assert.Equal(2, two.Count(finding => finding.Rule.Id == "POST001"));
        Assert.Equal(2, two.Select(finding => finding.Fingerprint).Distinct().Count());
        Assert.Single(once, finding => finding.Rule.Id == "POST001");
    }

    [Fact]
    public void An_exemption_stops_applying_the_day_after_it_expires_while_the_bot_runs()
    {
        var result = TestInputs.CreateLoader().LoadText("""
            extends: [builtin:posting-guidelines]
            exemptions:
              - rule: POST007
                target: p-dirty
                justification: The link goes to a vendor's approved transfer space until the contract ends.
                expires: 2026-11-28
            """, "bot.yaml");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 23, 59, 0, TimeSpan.Zero));
        var checker = new PostChecker(result.RuleSet!, clock);

        Assert.True(Assert.Single(checker.Check(DirtyPost), finding => finding.Rule.Id == "POST007").IsSuppressed);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(Assert.Single(checker.Check(DirtyPost), finding => finding.Rule.Id == "POST007").IsSuppressed);
    }

    [Fact]
    public void Findings_of_one_post_do_not_carry_over_to_the_next_on_the_same_thread()
    {
        // One collector and reporter state per thread are reset between posts: the findings, the per-rule cap and its
        // left-out count, and the scopes of one post must not reach the next, nor those of another checker's rules.
        var many = new Post { Id = "p-many", GroupId = "g1", Text = "Ring 070-123 45 67, 070-123 45 68, 070-123 45 69 eller 070-123 45 70." };
        var exempting = TestInputs.CreateLoader().LoadText("""
            extends: [builtin:posting-guidelines]
            exemptions:
              - rule: POST007
                target: p-dirty
                justification: The file was moved to the intranet; the link is dead.
                expires: 2099-01-01
            """, "bot.yaml").RuleSet!;
        var capped = new PostChecker(Guidelines.Value) { MaxFindingsPerPost = 2 };
        var plain = new PostChecker(Guidelines.Value);
        var exempt = new PostChecker(exempting);
        var question = new Group { Id = "g1", Name = "Frågor", Privacy = GroupPrivacy.Open };

        var expected = new[]
        {
            Describe(new PostChecker(Guidelines.Value) { MaxFindingsPerPost = 2 }.Check(many)),
            Describe(new PostChecker(Guidelines.Value).Check(DirtyPost)),
            Describe(new PostChecker(exempting).Check(DirtyPost)),
            Describe(new PostChecker(Guidelines.Value).Check(many, question)),
        };
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(expected[0], Describe(capped.Check(many)));
            Assert.Equal(expected[1], Describe(plain.Check(DirtyPost)));
            Assert.Equal(expected[2], Describe(exempt.Check(DirtyPost)));
            Assert.Equal(expected[3], Describe(plain.Check(many, question)));
            Assert.Empty(plain.Check(CleanPost));
        }

        Assert.Contains("left-out", expected[0], StringComparison.Ordinal);
        Assert.Contains("suppressed", expected[2], StringComparison.Ordinal);

        static string Describe(IReadOnlyList<CommunityRules.Diagnostics.Diagnostic> findings) => string.Join("\n", findings.Select(finding =>
            $"{finding.Rule.Id} {finding.Fingerprint} {finding.Target} {finding.Message} {string.Join(",", finding.Properties)}{(finding.IsSuppressed ? " suppressed" : string.Empty)}{(finding.Properties.ContainsKey("leftOut") ? " left-out" : string.Empty)}"));
    }
}
