using System.Globalization;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Text;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Checks.BuiltIn.Unanswered;

/// <summary>
/// One run of one <c>unanswered</c> rule: the questions read, which of them were answered, and who answers questions
/// in each group. See <see cref="UnansweredCheck"/> for what is kept and why.
/// </summary>
internal sealed class UnansweredRun
{
    /// <summary>The most names a finding suggests.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>The most admins among the suggestions, so that the people who answer questions are named too.</summary>
    public const int MaxAdminsFirst = 2;

    /// <summary>How much of a waiting question's text is kept for its finding: the message quotes at most 200 characters.</summary>
    public const int KeptTextLength = 2 * EchoedText.MaxFieldLength;

    private readonly UnansweredOptions _options;
    private readonly DateTimeOffset _asOf;
    private readonly DateTimeOffset _postedBefore;
    private readonly Dictionary<string, Question> _questions = new(StringComparer.Ordinal);
    private readonly List<Question> _waiting = [];
    private readonly Dictionary<string, Dictionary<string, int>> _answersByGroup = new(StringComparer.Ordinal);

    public UnansweredRun(UnansweredOptions options, DateTimeOffset asOf)
    {
        _options = options;
        _asOf = asOf;
        _postedBefore = asOf.AddHours(-options.Hours);
    }

    /// <summary>Keeps a post of the rule's scope that is a question.</summary>
    public void Add(PostContext context)
    {
        var post = context.Post;
        if (!IsQuestion(post) || IsIgnored(context.Network.FindPerson(post.AuthorId)))
        {
            return;
        }

        // The group's own id string, not each post's copy of it: the question outlives the post.
        var question = new Question(post.AuthorId, context.Network.FindGroup(post.GroupId)?.Id ?? post.GroupId);
        if (!_questions.TryAdd(post.Id, question))
        {
            return;
        }

        // Only a question already older than 'hours' can be reported; younger ones are kept to credit their answerers.
        if (post.CreatedAt is { } created && created <= _postedBefore)
        {
            question.Waiting = Shortened(post);
            _waiting.Add(question);
        }
    }

    /// <summary>Marks a question answered by a comment from someone other than its author, or by an accepted answer.</summary>
    public void Observe(PostCommentContext context)
    {
        var comment = context.Comment;
        if (!_questions.TryGetValue(comment.PostId, out var question))
        {
            return;
        }

        // At the run's moment a later comment did not exist yet; a bot's reply answers nothing.
        if (comment.CreatedAt is { } written && written > _asOf)
        {
            return;
        }

        var author = context.Network.FindPerson(comment.AuthorId);
        if (author is { Kind: not PersonKind.Person })
        {
            return;
        }

        var byAsker = comment.AuthorId is not null && string.Equals(comment.AuthorId, question.AuthorId, StringComparison.Ordinal);
        if (byAsker && !comment.AcceptedAnswer)
        {
            return;
        }

        question.Answered = true;
        question.Waiting = null;
        if (!byAsker && comment.AuthorId is { } answerer && question.Credit(answerer))
        {
            if (!_answersByGroup.TryGetValue(question.GroupId, out var answers))
            {
                answers = new Dictionary<string, int>(StringComparer.Ordinal);
                _answersByGroup.Add(question.GroupId, answers);
            }

            answers[answerer] = answers.GetValueOrDefault(answerer) + 1;
        }
    }

    /// <summary>Reports the questions still waiting, in the order they were read.</summary>
    public void Report(EndContext context)
    {
        var helpersByGroup = new Dictionary<string, Helpers>(StringComparer.Ordinal);
        foreach (var question in _waiting)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (question.Answered || question.Waiting is not { CreatedAt: { } created } post)
            {
                continue;
            }

            var hours = (long)Math.Floor((_asOf - created).TotalHours);
            var waited = hours < 72 ? Plural(hours, "hour") : Plural(hours / 24, "day");
            var suggestions = Suggest(context.Network, post, helpersByGroup);
            var names = string.Join(", ", suggestions.Select(s => s.Name));
            var suggestion = suggestions.Count > 0
                ? $"Who could answer: {string.Join(", ", suggestions.Select(s => s.Label))}"
                : "Nobody has answered a question in the group yet and it has no active admin known; find someone who knows the topic";
            context.Report(
                post,
                new MessageArgument("reason", $"it has waited {waited}, since {FieldText.Date(created)}, without an answer from anyone but its author"),
                new MessageArgument("question", QuestionText(post)),
                new MessageArgument("waited", waited),
                new MessageArgument("waitedHours", hours.ToString(CultureInfo.InvariantCulture)),
                new MessageArgument("postedAt", created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                new MessageArgument("suggested", names),
                new MessageArgument("suggestedIds", string.Join(", ", suggestions.Select(s => s.Id))),
                new MessageArgument("suggestion", suggestion),
                new MessageArgument("hours", _options.Hours.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The group's active admins first (two at most), then the people who answered most questions in the group; never the asker.</summary>
    private List<Suggestion> Suggest(NetworkView network, Post post, Dictionary<string, Helpers> helpersByGroup)
    {
        if (!helpersByGroup.TryGetValue(post.GroupId, out var helpers))
        {
            helpers = FindHelpers(network, post.GroupId);
            helpersByGroup.Add(post.GroupId, helpers);
        }

        var chosen = new List<Suggestion>(MaxSuggestions);
        var admins = helpers.Admins.Where(admin => !string.Equals(admin.Id, post.AuthorId, StringComparison.Ordinal)).ToList();
        foreach (var admin in admins.Take(MaxAdminsFirst))
        {
            chosen.Add(new Suggestion(admin.Id, NameOf(admin), $"{NameOf(admin)} (admin)"));
        }

        foreach (var (person, count) in helpers.Answerers)
        {
            if (chosen.Count == MaxSuggestions)
            {
                break;
            }

            if (!string.Equals(person.Id, post.AuthorId, StringComparison.Ordinal) && !chosen.Exists(s => s.Id == person.Id))
            {
                chosen.Add(new Suggestion(person.Id, NameOf(person), $"{NameOf(person)} ({Plural(count, "answered question")} here)"));
            }
        }

        foreach (var admin in admins.Skip(MaxAdminsFirst))
        {
            if (chosen.Count == MaxSuggestions)
            {
                break;
            }

            chosen.Add(new Suggestion(admin.Id, NameOf(admin), $"{NameOf(admin)} (admin)"));
        }

        return chosen;
    }

    /// <summary>
    /// A group's candidates, worked out once per group, not per question: enough active admins and top answerers that
    /// leaving out one asker still leaves three. An admin is not also listed among the answerers.
    /// </summary>
    private Helpers FindHelpers(NetworkView network, string groupId)
    {
        const int Enough = MaxSuggestions + 1;
        var admins = new List<Person>(Enough);
        foreach (var membership in network.GetMembers(groupId))
        {
            if (admins.Count == Enough)
            {
                break;
            }

            if (membership.Role == MembershipRole.Admin
                && network.FindPerson(membership.PersonId) is { Kind: PersonKind.Person, Active: true } admin
                && !admins.Exists(known => known.Id == admin.Id))
            {
                admins.Add(admin);
            }
        }

        List<(Person, int)> answerers = [];
        if (_answersByGroup.TryGetValue(groupId, out var answers))
        {
            answerers =
            [
                .. answers
                    .OrderByDescending(pair => pair.Value)
                    .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => (Person: network.FindPerson(pair.Key), Count: pair.Value))
                    .Where(pair => pair.Person is { Kind: PersonKind.Person, Active: true } && !admins.Exists(admin => admin.Id == pair.Person.Id))
                    .Take(Enough)
                    .Select(pair => (pair.Person!, pair.Count)),
            ];
        }

        return new Helpers(admins, answerers);
    }

    private bool IsQuestion(Post post) =>
        post.Type == PostType.Question
        // Announcements and polls ask for no answer in the comments, whatever their text says.
        || (_options.Detect && post.Type == PostType.Post && (QuestionDetector.TitleAsks(post.Title) || QuestionDetector.TextAsks(post.Text)));

    private bool IsIgnored(Person? author)
    {
        if (author is null)
        {
            return false;
        }

        var kind = author.Kind switch
        {
            PersonKind.Bot => "bot",
            PersonKind.System => "system",
            _ => "person",
        };
        foreach (var ignored in _options.IgnoreAuthors)
        {
            if (string.Equals(ignored, kind, StringComparison.OrdinalIgnoreCase) || author.Roles.Contains(ignored, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The post as its finding needs it: its text cut, so that a network of long questions does not sit in memory until the end.</summary>
    private static Post Shortened(Post post)
    {
        if (post.Text is not { Length: > KeptTextLength } text)
        {
            return post;
        }

        var keep = char.IsHighSurrogate(text[KeptTextLength - 1]) ? KeptTextLength - 1 : KeptTextLength;
        return post with { Text = text[..keep] };
    }

    /// <summary>The question in a few words for the message: its title, else the opening of its text, personal data masked.</summary>
    private static string QuestionText(Post post)
    {
        var text = !string.IsNullOrWhiteSpace(post.Title) ? post.Title : post.Text ?? string.Empty;
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return EchoedText.Cut(PersonalDataRedaction.Redact(oneLine));
    }

    private static string NameOf(Person person) => string.IsNullOrWhiteSpace(person.Name) ? person.Id : person.Name;

    private static string Plural(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private readonly record struct Suggestion(string Id, string Name, string Label);

    private sealed record Helpers(List<Person> Admins, List<(Person Person, int Count)> Answerers);

    /// <summary>What the run keeps of a question.</summary>
    private sealed class Question(string? authorId, string groupId)
    {
        private object? _credited;

        public string? AuthorId { get; } = authorId;

        public string GroupId { get; } = groupId;

        /// <summary>Gets or sets the shortened post of a question old enough to report, until it is answered.</summary>
        public Post? Waiting { get; set; }

        public bool Answered { get; set; }

        /// <summary>Credits a person with answering this question once, however many comments they write: the first one's id, then a set.</summary>
        public bool Credit(string personId)
        {
            switch (_credited)
            {
                case null:
                    _credited = personId;
                    return true;
                case string first when string.Equals(first, personId, StringComparison.Ordinal):
                    return false;
                case string first:
                    _credited = new HashSet<string>(StringComparer.Ordinal) { first, personId };
                    return true;
                default:
                    return ((HashSet<string>)_credited).Add(personId);
            }
        }
    }
}
