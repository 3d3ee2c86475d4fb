using System.Text.Json;

namespace CommunityRules.SampleNetwork;

/// <summary>
/// Streams posts, comments and reactions to disk one post at a time, so memory stays flat however
/// many posts are asked for. Within a group posts are written in time order, each followed by its
/// comments (always later than the post, replies later than their parent) and reactions.
/// </summary>
internal sealed class ActivityWriter : IDisposable
{
    /// <summary>Upper bound on comments per post; also sizes the comment ids.</summary>
    public const int MaxCommentsPerPost = 30;

    private const int MaxReactionsPerTarget = 25;

    // Small groups run out of fresh reactors quickly; a few re-draws keep the average close to the option.
    private const int ReactorRetries = 3;
    private const double ReplyShare = 0.3;
    private const double AcceptedAnswerShare = 0.75;
    private const double MeanCommentDelayMinutes = 240;
    private const double MeanReactionDelayMinutes = 300;
    private const double PostShareOfReactions = 0.75;
    private const double LeaderCommentShare = 0.05;

    private static readonly string[] ReactionTypes = ["like", "love", "celebrate", "insightful", "funny"];
    private static readonly int[] ReactionWeights = [55, 10, 12, 15, 8];
    private static readonly JsonEncodedText[] PostTypeNames =
        [JsonEncodedText.Encode("post"), JsonEncodedText.Encode("question"), JsonEncodedText.Encode("announcement"), JsonEncodedText.Encode("poll")];

    private readonly Random random;
    private readonly WorkingCalendar calendar;
    private readonly IReadOnlyList<Person> people;
    private readonly SnapshotIds ids;
    private readonly TextComposer composer;
    private readonly GuidelinePlanter planter;
    private readonly JsonLinesWriter posts;
    private readonly JsonLinesWriter comments;
    private readonly JsonLinesWriter reactions;
    private readonly double commentsPerPost;
    private readonly double reactionsPerPostItself;
    private readonly double reactionsPerComment;
    private readonly int orphanCommentAfterPost;
    private readonly int missingAuthorNumber;
    private readonly List<CommentDraft> thread = new(MaxCommentsPerPost);
    private readonly List<Person> reactors = new(MaxReactionsPerTarget);
    private int lastPostNumber;
    private int lastCommentNumber;
    private bool orphanCommentWritten;

    /// <summary>
    /// Opens the three activity files in <paramref name="folder"/>. The first comment on post number
    /// <paramref name="orphanCommentAfterPost"/> or a later one is credited to <paramref name="missingAuthorNumber"/>.
    /// </summary>
    public ActivityWriter(string folder, Random random, WorkingCalendar calendar, IReadOnlyList<Person> people, SnapshotIds ids,
        NetworkGeneratorOptions options, GuidelinePlanter planter, int orphanCommentAfterPost, int missingAuthorNumber)
    {
        this.random = random;
        this.planter = planter;
        this.calendar = calendar;
        this.people = people;
        this.ids = ids;
        this.orphanCommentAfterPost = orphanCommentAfterPost;
        this.missingAuthorNumber = missingAuthorNumber;
        composer = new TextComposer(random);
        commentsPerPost = options.CommentsPerPost;

        // Split the reactions between the post and its comments; without comments the post gets them all.
        reactionsPerPostItself = commentsPerPost > 0 ? options.ReactionsPerPost * PostShareOfReactions : options.ReactionsPerPost;
        reactionsPerComment = commentsPerPost > 0 ? options.ReactionsPerPost * (1 - PostShareOfReactions) / commentsPerPost : 0;

        posts = new JsonLinesWriter(Path.Combine(folder, SnapshotFiles.Posts));
        comments = new JsonLinesWriter(Path.Combine(folder, SnapshotFiles.Comments));
        reactions = new JsonLinesWriter(Path.Combine(folder, SnapshotFiles.Reactions));
    }

    public void WriteGroup(Group group)
    {
        if (group.PostCount == 0)
        {
            return;
        }

        var cast = new GroupCast(group, random);
        var start = calendar.ToMinute(group.ActivityStart);
        var end = calendar.ToMinute(group.ActivityEnd);
        for (var i = 0; i < group.PostCount; i++)
        {
            // One random point per equal slice keeps the posts sorted without holding them in memory.
            var u = (i + random.NextDouble()) / group.PostCount;
            var shaped = group.Activity switch
            {
                ActivityProfile.Growing => Math.Sqrt(u),
                ActivityProfile.Dwindling => u * u,
                _ => u,
            };
            WritePost(group, cast, start + (int)(shaped * (end - start)), end);
        }
    }

    /// <summary>Writes posts into groups that no longer exist: dangling references a loader must report.</summary>
    public void WriteDeletedGroupPosts(IEnumerable<int> missingGroupNumbers)
    {
        var activePeople = people.Where(p => p.Active).ToList();
        foreach (var groupNumber in missingGroupNumbers)
        {
            var author = random.Pick(activePeople);
            var book = Phrasebook.For(author.Country.Language);
            var context = new TextContext("Nordlys", author.Office, random.Pick(activePeople).FirstName, author);
            var minute = random.Next(calendar.TotalMinutes);
            WritePostLine(groupNumber, author, minute, PostType.Post, composer.Title(PostType.Post, book, context),
                composer.PostText(PostType.Post, book, context));
        }
    }

    public void Dispose()
    {
        posts.Dispose();
        comments.Dispose();
        reactions.Dispose();
    }

    private void WritePost(Group group, GroupCast cast, int minute, int end)
    {
        var (author, type) = PickAuthorAndType(group, cast);
        var language = PickLanguage(group.Language);
        var book = Phrasebook.For(language);
        var context = new TextContext(group.Plan.Topic, group.Plan.Office ?? author.Office, random.Pick(cast.ActiveMembers).FirstName, author);

        // The texts are composed even when a planted text replaces them, so the main sequence of draws stays the same.
        var title = composer.Title(type, book, context);
        var text = composer.PostText(type, book, context);
        if (planter.ForPost(lastPostNumber + 1, type, language) is { } planted)
        {
            (title, text) = (planted.Title, planted.Text);
        }

        var postNumber = WritePostLine(group.Number, author, minute, type, title, text);
        // Announcements reach more people and collect more reactions than ordinary posts.
        var postReactions = type == PostType.Announcement ? reactionsPerPostItself * 2 : reactionsPerPostItself;
        WriteReactions(ids.Post, postNumber, minute, end, author, cast, postReactions);
        WriteThread(type, postNumber, minute, end, author, cast, language, context);
    }

    private int WritePostLine(int groupNumber, Person author, int minute, PostType type, string? title, string text)
    {
        var postNumber = ++lastPostNumber;
        var writer = posts.StartLine();
        ids.Post.Write(writer, Fields.Id, postNumber);
        ids.Group.Write(writer, Fields.GroupId, groupNumber);
        ids.Person.Write(writer, Fields.AuthorId, author.Number);
        writer.WriteTimestamp(Fields.CreatedAt, calendar.ToInstant(minute));
        writer.WriteString(Fields.Type, PostTypeNames[(int)type]);
        if (title is not null)
        {
            writer.WriteString(Fields.Title, title);
        }

        writer.WriteString(Fields.Text, text);
        posts.EndLine();
        return postNumber;
    }

    private (Person Author, PostType Type) PickAuthorAndType(Group group, GroupCast cast)
    {
        var leaderShare = group.Plan.Kind switch
        {
            GroupKind.AllStaff => 0.2,
            GroupKind.Leadership => 0.15,
            _ => 0.04,
        };
        if (cast.Executives.Length > 0 && random.Chance(leaderShare))
        {
            return (random.Pick(cast.Executives), random.Chance(0.6) ? PostType.Announcement : PostType.Post);
        }

        var author = random.PickSkewed(cast.ActiveMembers);
        var roll = random.NextDouble();
        var type = roll switch
        {
            < 0.18 => PostType.Question,
            < 0.24 => PostType.Poll,
            < 0.30 when author.IsLeader => PostType.Announcement,
            _ => PostType.Post,
        };
        return (author, type);
    }

    /// <summary>Nordic colleagues switch to English now and then, Finnish ones a little more often.</summary>
    private Language PickLanguage(Language groupLanguage)
    {
        var englishShare = groupLanguage switch
        {
            Language.English => 1,
            Language.Finnish => 0.2,
            _ => 0.1,
        };
        return random.Chance(englishShare) ? Language.English : groupLanguage;
    }

    private void WriteThread(PostType type, int postNumber, int postMinute, int end, Person author, GroupCast cast, Language language,
        TextContext context)
    {
        var book = Phrasebook.For(language);
        var typeFactor = type switch
        {
            PostType.Question => 1.6,
            PostType.Announcement => 1.4,
            PostType.Poll => 0.6,
            _ => 0.9,
        };
        var count = random.NextGeometric(commentsPerPost * typeFactor, MaxCommentsPerPost);
        thread.Clear();
        var minute = postMinute;
        for (var i = 0; i < count; i++)
        {
            minute += 1 + (int)random.NextExponential(MeanCommentDelayMinutes);
            if (minute >= end)
            {
                break;
            }

            var parent = i > 0 && random.Chance(ReplyShare) ? random.Next(i) : -1;
            var commenter = PickCommenter(cast, author);
            var isAnswer = type == PostType.Question && parent < 0 && commenter != author;
            thread.Add(new CommentDraft(++lastCommentNumber, parent, commenter, minute, isAnswer));
        }

        var accepted = -1;
        var answerIndexes = Enumerable.Range(0, thread.Count).Where(i => thread[i].IsAnswer).ToList();
        if (answerIndexes.Count > 0 && random.Chance(AcceptedAnswerShare))
        {
            accepted = random.Pick(answerIndexes);
        }

        for (var i = 0; i < thread.Count; i++)
        {
            var draft = thread[i];
            var commentContext = context with { Author = draft.Author };
            var writer = comments.StartLine();
            ids.Comment.Write(writer, Fields.Id, draft.Number);
            ids.Post.Write(writer, Fields.PostId, postNumber);
            if (draft.Parent >= 0)
            {
                ids.Comment.Write(writer, Fields.ParentId, thread[draft.Parent].Number);
            }

            ids.Person.Write(writer, Fields.AuthorId, NextCommentAuthorNumber(postNumber, draft.Author));
            writer.WriteTimestamp(Fields.CreatedAt, calendar.ToInstant(draft.Minute));
            var text = composer.CommentText(draft.IsAnswer, book, commentContext);
            writer.WriteString(Fields.Text, planter.ForComment(postNumber, language)?.Text ?? text);
            if (type == PostType.Question)
            {
                writer.WriteBoolean(Fields.AcceptedAnswer, i == accepted);
            }

            comments.EndLine();
            WriteReactions(ids.Comment, draft.Number, draft.Minute, end, draft.Author, cast, reactionsPerComment);
        }
    }

    /// <summary>The author, except once: the first comment from the middle post on is credited to a deleted account.</summary>
    private int NextCommentAuthorNumber(int postNumber, Person author)
    {
        if (orphanCommentWritten || postNumber < orphanCommentAfterPost)
        {
            return author.Number;
        }

        orphanCommentWritten = true;
        return missingAuthorNumber;
    }

    private Person PickCommenter(GroupCast cast, Person postAuthor)
    {
        if (cast.Executives.Length > 0 && random.Chance(LeaderCommentShare))
        {
            return random.Pick(cast.Executives);
        }

        // One retry makes commenting on your own post the exception rather than the rule.
        var commenter = random.PickSkewed(cast.ActiveMembers);
        return commenter == postAuthor ? random.PickSkewed(cast.ActiveMembers) : commenter;
    }

    private void WriteReactions(IdFormat targetFormat, int targetNumber, int targetMinute, int end, Person targetAuthor, GroupCast cast,
        double mean)
    {
        var count = random.NextGeometric(mean, MaxReactionsPerTarget);
        reactors.Clear();
        for (var i = 0; i < count; i++)
        {
            var reactor = random.Pick(cast.ActiveMembers);
            for (var retry = 0; retry < ReactorRetries && (reactor == targetAuthor || reactors.Contains(reactor)); retry++)
            {
                reactor = random.Pick(cast.ActiveMembers);
            }

            var minute = targetMinute + 1 + (int)random.NextExponential(MeanReactionDelayMinutes);
            if (reactor == targetAuthor || reactors.Contains(reactor) || minute >= end)
            {
                continue;
            }

            reactors.Add(reactor);
            var writer = reactions.StartLine();
            targetFormat.Write(writer, Fields.TargetId, targetNumber);
            ids.Person.Write(writer, Fields.PersonId, reactor.Number);
            writer.WriteString(Fields.Type, ReactionTypes[random.PickWeighted(ReactionWeights)]);
            writer.WriteTimestamp(Fields.CreatedAt, calendar.ToInstant(minute));
            reactions.EndLine();
        }
    }

    private readonly record struct CommentDraft(int Number, int Parent, Person Author, int Minute, bool IsAnswer);

    /// <summary>Who can act in a group: its active members (most active first) and the executives among them.</summary>
    private sealed class GroupCast
    {
        public GroupCast(Group group, Random random)
        {
            var active = group.Members.Select(m => m.Person).Where(p => p.Active).ToArray();
            if (active.Length == 0)
            {
                throw new InvalidOperationException($"Group '{group.Plan.Name}' has posts planned but no active members.");
            }

            random.Shuffle(active);

            // Executives go last so they are rarely among the heavy posters; they post through their own share instead.
            ActiveMembers = [.. active.Where(p => !p.IsExecutive), .. active.Where(p => p.IsExecutive)];
            Executives = active.Where(p => p.IsExecutive).ToArray();
        }

        public Person[] ActiveMembers { get; }

        public Person[] Executives { get; }
    }
}
