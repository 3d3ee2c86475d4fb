using System.Globalization;
using System.Text;

namespace CommunityRules.SampleNetwork;

/// <summary>Post types as written to <c>posts.jsonl</c>.</summary>
internal enum PostType
{
    Post,
    Question,
    Announcement,
    Poll,
}

/// <summary>What a text may refer to: the group's subject, an office, a colleague and the author.</summary>
internal readonly record struct TextContext(string Topic, string Office, string ColleagueFirstName, Person Author);

/// <summary>
/// Writes post and comment texts (50–600 characters) from the phrasebook templates. About 1.5 % of the
/// texts get something a posting-guidelines check should find: an e-mail address, a phone number,
/// an intranet or external link, or a sentence in ALL CAPS.
/// </summary>
internal sealed class TextComposer(Random random)
{
    public const int MinimumLength = 50;
    public const int MaximumLength = 600;

    private const double GuidelineFindingShare = 0.015;

    private static readonly string[] IntranetPaths = ["hr/semester", "it/helpdesk", "policies/travel", "news/2026", "finance/expenses"];
    private static readonly string[] ExternalLinks =
        ["https://www.example.com/offer", "https://files.example.net/share/q3-report.pdf", "https://example.org/events/nordic-summit"];

    private readonly StringBuilder text = new(MaximumLength);
    private string? previousCommentOpening;

    public string? Title(PostType type, Phrasebook book, TextContext context)
    {
        var titles = type switch
        {
            PostType.Announcement => book.AnnouncementTitles,
            PostType.Poll => book.PollTitles,
            PostType.Question when random.Chance(0.4) => book.QuestionTitles,
            PostType.Post when random.Chance(0.25) => book.PostTitles,
            _ => null,
        };
        return titles is null ? null : Expand(random.Pick(titles), book, context);
    }

    public string PostText(PostType type, Phrasebook book, TextContext context)
    {
        text.Clear();
        switch (type)
        {
            case PostType.Question:
                Append(random.Pick(book.Questions), book, context);
                AppendSometimes(0.35, book.PostSentences, book, context);
                AppendSometimes(0.5, [book.ThanksInAdvance], book, context);
                break;
            case PostType.Announcement:
                AppendDistinct(book.Announcements, random.Next(1, 3), book, context);
                AppendSometimes(0.5, book.PostSentences, book, context);
                Append(random.Pick(book.Closers), book, context);
                break;
            case PostType.Poll:
                Append(random.Pick(book.Polls), book, context);
                Append(book.VoteBy, book, context, separator: '\n');
                break;
            default:
                var roll = random.NextDouble();
                AppendDistinct(book.PostSentences, roll < 0.45 ? 1 : roll < 0.85 ? 2 : 3, book, context);
                AppendSometimes(0.5, book.Closers, book, context);
                break;
        }

        return Finish(book.PostSentences, book, context);
    }

    public string CommentText(bool isAnswer, Phrasebook book, TextContext context)
    {
        text.Clear();
        var pool = isAnswer ? book.Answers : book.Comments;
        var opening = random.Pick(pool);
        if (ReferenceEquals(opening, previousCommentOpening))
        {
            // One re-draw keeps consecutive comments from starting with the same sentence most of the time.
            opening = random.Pick(pool);
        }

        previousCommentOpening = opening;
        Append(opening, book, context);
        AppendSometimes(0.2, book.Comments, book, context);
        return Finish(book.Comments, book, context);
    }

    /// <summary>Tops the text up to the minimum length and occasionally adds a guideline finding.</summary>
    private string Finish(string[] fillers, Phrasebook book, TextContext context)
    {
        while (text.Length < MinimumLength)
        {
            Append(random.Pick(fillers), book, context);
        }

        if (random.Chance(GuidelineFindingShare))
        {
            AddGuidelineFinding(book, context);
        }

        return text.ToString();
    }

    private void AddGuidelineFinding(Phrasebook book, TextContext context)
    {
        var roll = random.NextDouble();
        if (roll < 0.15)
        {
            // Shouting: the whole first sentence in capitals.
            var end = text.ToString().IndexOfAny(['.', '!', '?']);
            for (var i = 0; i <= (end < 0 ? text.Length - 1 : end); i++)
            {
                text[i] = char.ToUpperInvariant(text[i]);
            }

            return;
        }

        var finding = roll switch
        {
            < 0.40 => $"{book.ContactIntro} {context.Author.Email}.",
            < 0.60 => $"{book.ContactIntro} {PhoneNumber(context.Author.Country)}.",
            < 0.85 => $"{book.MoreInfo} https://intranet.{NordicData.EmailDomain}/{random.Pick(IntranetPaths)}",
            _ => $"{book.MoreInfo} {random.Pick(ExternalLinks)}",
        };
        Append(finding, book, context);
    }

    private string PhoneNumber(CountryInfo country) =>
        string.Create(country.PhoneTemplate.Length, (country.PhoneTemplate, random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.PhoneTemplate[i] == '#' ? (char)('0' + state.random.Next(10)) : state.PhoneTemplate[i];
            }
        });

    private void AppendSometimes(double probability, string[] pool, Phrasebook book, TextContext context)
    {
        if (random.Chance(probability))
        {
            Append(random.Pick(pool), book, context);
        }
    }

    /// <summary>Appends <paramref name="count"/> different sentences from a pool of at most 32.</summary>
    private void AppendDistinct(string[] pool, int count, Phrasebook book, TextContext context)
    {
        var used = 0u;
        for (var appended = 0; appended < Math.Min(count, pool.Length); appended++)
        {
            int index;
            do
            {
                index = random.Next(pool.Length);
            }
            while ((used & (1u << index)) != 0);

            used |= 1u << index;
            Append(pool[index], book, context);
        }
    }

    /// <summary>Appends a sentence unless that would break the maximum length.</summary>
    private void Append(string template, Phrasebook book, TextContext context, char separator = ' ')
    {
        var sentence = Expand(template, book, context);
        var separatorLength = text.Length == 0 ? 0 : 1;
        if (text.Length + separatorLength + sentence.Length > MaximumLength)
        {
            return;
        }

        if (separatorLength == 1)
        {
            text.Append(separator);
        }

        text.Append(sentence);
    }

    private string Expand(string template, Phrasebook book, TextContext context)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        return template
            .Replace("{topic}", context.Topic, StringComparison.Ordinal)
            .Replace("{office}", context.Office, StringComparison.Ordinal)
            .Replace("{name}", context.ColleagueFirstName, StringComparison.Ordinal)
            .Replace("{weekday}", random.Pick(book.Weekdays), StringComparison.Ordinal)
            .Replace("{n}", random.Next(2, 31).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
