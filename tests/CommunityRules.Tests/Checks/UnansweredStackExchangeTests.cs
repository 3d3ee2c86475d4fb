using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.ExportWriters;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;
using CommunityRules.Tests.Starter;

namespace CommunityRules.Tests.Checks;

/// <summary>
/// The unanswered check on a real network: the History Meta Stack Exchange dump kept with the tests (CC BY-SA, see its
/// LICENSE-NOTE.txt), converted here to a snapshot — each question a post of type question in the group of its first
/// tag, each answer a comment with <c>acceptedAnswer</c> from the question's <c>AcceptedAnswerId</c> — and checked
/// as of the dump's last moment. The expected questions are worked out from the XML itself, not from the check.
/// </summary>
/// <remarks>
/// The site's comments are left out of the main conversion: on Stack Exchange a comment asks for clarification or
/// votes to close, it is not an answer, and the snapshot has one kind of reply, so counting comments would make a
/// question with "Possible duplicate of …" under it answered. A second test converts them too and checks the
/// check against the truth that follows: no reply at all from anyone but the asker.
/// </remarks>
public sealed partial class UnansweredStackExchangeTests
{
    private const int Hours = 48;

    // Users.xml's Id -1 is "Community", the site's own account: it owns the wiki placeholders, and its posts are no
    // one's questions nor answers. The converter makes it a system account, which the check leaves out the same way.
    private const string SiteAccount = "-1";

    [Fact]
    public async Task Finds_exactly_the_questions_with_no_answer_from_anyone_but_the_asker_and_none_accepted()
    {
        var dump = Dump.Load(StackExchangeDump.HistoryMeta);
        var expected = dump.Truth(includeComments: false);

        var result = await RunAsync(dump, includeComments: false);

        // The truth is not trivially small or everything: 70 of 556 questions, 7 of them answered only by the asker.
        Assert.Equal(70, expected.Count);
        Assert.Equal(7, expected.Count(id => dump.AnswersTo(id[1..]).Any()));
        Assert.Equal(expected, result.TargetsOf("UNA-SE"));
        Assert.Equal(556, result.Summary.Read.Posts);
    }

    [Fact]
    public async Task With_the_sites_comments_as_replies_a_question_with_any_reply_but_the_askers_is_answered()
    {
        var dump = Dump.Load(StackExchangeDump.HistoryMeta);
        var expected = dump.Truth(includeComments: true);

        var result = await RunAsync(dump, includeComments: true);

        Assert.Equal(expected, result.TargetsOf("UNA-SE"));
        // 6 of the 70: most questions without an answer got a comment from someone else.
        Assert.Equal(6, expected.Count);
    }

    [Fact]
    public async Task Findings_name_how_long_the_question_waited_and_the_people_who_answered_most_in_its_group()
    {
        var dump = Dump.Load(StackExchangeDump.HistoryMeta);

        var result = await RunAsync(dump, includeComments: false);

        // The dump names no admins, so the suggestions are the group's most frequent answerers, never the asker.
        foreach (var finding in result.Of("UNA-SE"))
        {
            Assert.Matches(@"has waited \d+ (hours|days): it has waited", finding.Message);
            var asker = dump.Questions[finding.Target.Id[1..]].Attribute("OwnerUserId")?.Value;
            var suggested = finding.Properties["suggestedIds"].Split(", ", StringSplitOptions.RemoveEmptyEntries);
            Assert.InRange(suggested.Length, 0, 3);
            Assert.DoesNotContain("u" + asker, suggested);
        }

        Assert.Contains(result.Of("UNA-SE"), finding => finding.Properties["suggestedIds"].Length > 0);
    }

    private static async Task<AnalysisResult> RunAsync(Dump dump, bool includeComments)
    {
        using var folder = new TempFolder();
        StackExchangeDump.WriteSnapshot(dump.ToNetwork(includeComments), folder.Path);
        var rules = TestInputs.LoadRules("unanswered-stackexchange.yaml");
        return await new RuleEngine(TimeProvider.System).AnalyzeAsync(rules, new SnapshotProvider(folder.Path), new AnalysisOptions { AsOf = dump.LastMoment });
    }

    private static DateTimeOffset Date(XElement row) =>
        DateTimeOffset.Parse(row.Attribute("CreationDate")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [GeneratedRegex("<([^>]+)>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();

    /// <summary>The dump's rows, as the XML has them.</summary>
    private sealed class Dump
    {
        private Dump(XElement[] users, XElement[] posts, XElement[] comments)
        {
            Users = users;
            Posts = posts;
            Comments = comments;
            Questions = posts.Where(post => post.Attribute("PostTypeId")!.Value == "1").ToDictionary(post => post.Attribute("Id")!.Value, StringComparer.Ordinal);
            LastMoment = posts.Concat(comments).Max(Date);
        }

        public XElement[] Users { get; }

        public XElement[] Posts { get; }

        public XElement[] Comments { get; }

        public Dictionary<string, XElement> Questions { get; }

        /// <summary>Gets the dump's last moment: its latest post or comment.</summary>
        public DateTimeOffset LastMoment { get; }

        public static Dump Load(string folder)
        {
            static XElement[] Rows(string folder, string file) => [.. XDocument.Load(Path.Combine(folder, file)).Root!.Elements("row")];
            return new Dump(Rows(folder, "Users.xml"), Rows(folder, "Posts.xml"), Rows(folder, "Comments.xml"));
        }

        public IEnumerable<XElement> AnswersTo(string questionId) =>
            Posts.Where(post => post.Attribute("PostTypeId")!.Value == "2" && post.Attribute("ParentId")!.Value == questionId);

        /// <summary>
        /// The questions, in the dump's order, asked by someone (not the site's account) at least <see cref="Hours"/>
        /// hours before the last moment, with no accepted answer and no answer (with comments: no reply at all) from
        /// anyone but the asker; a reply by a deleted account, which has no owner, is someone else's.
        /// </summary>
        public List<string> Truth(bool includeComments)
        {
            var replies = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
            var questionOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var answer in Posts.Where(post => post.Attribute("PostTypeId")!.Value == "2"))
            {
                var question = answer.Attribute("ParentId")!.Value;
                questionOf[answer.Attribute("Id")!.Value] = question;
                Add(question, answer.Attribute("OwnerUserId")?.Value);
            }

            if (includeComments)
            {
                foreach (var comment in Comments)
                {
                    var on = comment.Attribute("PostId")!.Value;
                    Add(questionOf.GetValueOrDefault(on, on), comment.Attribute("UserId")?.Value);
                }
            }

            var postedBefore = LastMoment.AddHours(-Hours);
            return
            [
                .. Questions.Values
                    .Where(question => question.Attribute("OwnerUserId")?.Value != SiteAccount)
                    .Where(question => Date(question) <= postedBefore)
                    .Where(question => question.Attribute("AcceptedAnswerId") is null)
                    .Where(question => !replies.GetValueOrDefault(question.Attribute("Id")!.Value, [])
                        .Any(author => author != SiteAccount && (author is null || author != question.Attribute("OwnerUserId")?.Value)))
                    .Select(question => "q" + question.Attribute("Id")!.Value),
            ];

            void Add(string question, string? author)
            {
                if (!replies.TryGetValue(question, out var authors))
                {
                    replies[question] = authors = [];
                }

                authors.Add(author);
            }
        }

        /// <summary>Questions as posts in their first tag's group, answers (and, when asked, the site's comments) as comments.</summary>
        public ExportNetwork ToNetwork(bool includeComments)
        {
            var network = new ExportNetwork { Name = "History Meta (Stack Exchange)", AsOf = LastMoment };
            foreach (var user in Users)
            {
                var id = user.Attribute("Id")!.Value;
                network.People.Add(new Person { Id = "u" + id, Name = user.Attribute("DisplayName")?.Value, Kind = id == SiteAccount ? PersonKind.System : PersonKind.Person });
            }

            var groups = new HashSet<string>(StringComparer.Ordinal);
            var questionOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var post in Posts)
            {
                var id = post.Attribute("Id")!.Value;
                if (post.Attribute("PostTypeId")!.Value == "2")
                {
                    var question = Questions[post.Attribute("ParentId")!.Value];
                    questionOf[id] = question.Attribute("Id")!.Value;
                    network.Comments.Add(new Comment
                    {
                        Id = "a" + id,
                        PostId = "q" + questionOf[id],
                        AuthorId = Author(post, "OwnerUserId"),
                        CreatedAt = Date(post),
                        Text = Text(post.Attribute("Body")?.Value),
                        AcceptedAnswer = question.Attribute("AcceptedAnswerId")?.Value == id,
                    });
                    continue;
                }

                var tag = TagPattern().Match(post.Attribute("Tags")!.Value).Groups[1].Value;
                if (groups.Add(tag))
                {
                    network.Groups.Add(new Model.Group { Id = tag, Name = tag, Privacy = GroupPrivacy.Open });
                }

                network.Posts.Add(new Post
                {
                    Id = "q" + id,
                    GroupId = tag,
                    AuthorId = Author(post, "OwnerUserId"),
                    CreatedAt = Date(post),
                    Type = PostType.Question,
                    Title = post.Attribute("Title")?.Value,
                    Text = Text(post.Attribute("Body")?.Value),
                });
            }

            if (includeComments)
            {
                foreach (var comment in Comments)
                {
                    var on = comment.Attribute("PostId")!.Value;
                    var onAnswer = questionOf.TryGetValue(on, out var question);
                    network.Comments.Add(new Comment
                    {
                        Id = "c" + comment.Attribute("Id")!.Value,
                        PostId = "q" + (question ?? on),
                        ParentId = onAnswer ? "a" + on : null,
                        AuthorId = Author(comment, "UserId"),
                        CreatedAt = Date(comment),
                        Text = comment.Attribute("Text")?.Value,
                    });
                }
            }

            return network;
        }

        private static string? Author(XElement row, string attribute) => row.Attribute(attribute)?.Value is { } id ? "u" + id : null;

        private static string? Text(string? html) => html is null ? null : WebUtility.HtmlDecode(HtmlTag().Replace(html, " ")).Trim();
    }
}
