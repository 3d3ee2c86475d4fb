using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CommunityRules.Data.Teams;

/// <summary>
/// Turns a Teams message's HTML body into the text a reader sees: whitespace collapsed as a browser does, block
/// elements and <c>&lt;br&gt;</c> as line breaks, entities decoded, <c>&lt;at&gt;</c> mentions as <c>@Name</c>,
/// emoji as their character, and each link's address kept in the text (after its label when the label is not the
/// address), so link rules see every URL. One instance parses one body at a time; it is not thread-safe.
/// </summary>
internal sealed class HtmlText
{
    // Deeper nesting than this is read as plain text: no message needs it, and it keeps the walk off the stack's edge.
    private const int MaxDepth = 256;

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "codeblock", "dd", "details", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
    };

    private static readonly HashSet<string> SkippedElements = new(StringComparer.Ordinal)
    {
        "attachment", "head", "noscript", "script", "style", "template", "title",
    };

    private readonly HtmlParser _parser = new();
    private readonly IElement _context;
    private readonly StringBuilder _text = new();
    private bool _atLineStart = true;
    private bool _pendingSpace;

    public HtmlText() => _context = _parser.ParseDocument(string.Empty).Body!;

    /// <summary>Reads an HTML body as text.</summary>
    /// <param name="html">The body's HTML.</param>
    /// <returns>The text, without leading or trailing whitespace.</returns>
    public string ToText(string html)
    {
        _text.Clear();
        _atLineStart = true;
        _pendingSpace = false;
        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            // Plain text in an HTML body needs no parser, only the browser's whitespace rule.
            AppendText(html, preformatted: false);
        }
        else
        {
            foreach (var node in _parser.ParseFragment(html, _context))
            {
                Walk(node, 0, preformatted: false);
            }
        }

        return _text.ToString().Trim();
    }

    private void Walk(INode node, int depth, bool preformatted)
    {
        if (node is IText text)
        {
            AppendText(text.Data, preformatted);
            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        if (depth > MaxDepth)
        {
            AppendText(element.TextContent, preformatted);
            return;
        }

        var name = element.LocalName;
        if (SkippedElements.Contains(name))
        {
            return;
        }

        switch (name)
        {
            case "br":
                Break();
                return;
            case "emoji":
                AppendText(element.GetAttribute("alt") ?? string.Empty, preformatted: false);
                return;
            case "img":
                // Teams writes some emoji as images of the emoji type; other images have no text a reader sees.
                if (element.GetAttribute("itemtype")?.Contains("Emoji", StringComparison.OrdinalIgnoreCase) == true)
                {
                    AppendText(element.GetAttribute("alt") ?? string.Empty, preformatted: false);
                }

                return;
            case "at":
                AppendText("@", preformatted: false);
                WalkChildren(element, depth, preformatted);
                return;
            case "a":
                WalkLink(element, depth, preformatted);
                return;
            case "td" or "th":
                _pendingSpace = !_atLineStart;
                WalkChildren(element, depth, preformatted);
                _pendingSpace = !_atLineStart;
                return;
            default:
                break;
        }

        var block = BlockElements.Contains(name);
        if (block)
        {
            EndLine();
        }

        WalkChildren(element, depth, preformatted || name is "pre" or "codeblock");
        if (block)
        {
            EndLine();
        }
    }

    private void WalkChildren(IElement element, int depth, bool preformatted)
    {
        foreach (var child in element.ChildNodes)
        {
            Walk(child, depth + 1, preformatted);
        }
    }

    // The label as a reader sees it, then the address when the label does not show it: "the plan (https://…)".
    private void WalkLink(IElement link, int depth, bool preformatted)
    {
        var labelStart = _text.Length;
        WalkChildren(link, depth, preformatted);
        var href = link.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || !IsWebAddress(href))
        {
            return;
        }

        var label = _text.ToString(labelStart, _text.Length - labelStart);
        var bare = href.TrimEnd('/');
        if (bare.Length > 0 && label.Contains(bare, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(label))
        {
            AppendText(href, preformatted: false);
            return;
        }

        _text.Append(" (").Append(href).Append(')');
        _atLineStart = false;
        _pendingSpace = false;
    }

    private static bool IsWebAddress(string href) =>
        href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    private void AppendText(string text, bool preformatted)
    {
        foreach (var c in text)
        {
            if (preformatted)
            {
                if (c == '\r')
                {
                    continue;
                }

                if (c == '\n')
                {
                    Break();
                    continue;
                }

                FlushSpace();
                _text.Append(c);
                _atLineStart = false;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = !_atLineStart;
                continue;
            }

            FlushSpace();
            _text.Append(c);
            _atLineStart = false;
        }
    }

    private void FlushSpace()
    {
        if (_pendingSpace)
        {
            _text.Append(' ');
            _pendingSpace = false;
        }
    }

    // A <br>: always a new line, so two of them leave an empty line as in the browser.
    private void Break()
    {
        _text.Append('\n');
        _atLineStart = true;
        _pendingSpace = false;
    }

    // A block's edge: a new line unless one has just begun.
    private void EndLine()
    {
        if (!_atLineStart)
        {
            Break();
        }

        _pendingSpace = false;
    }
}
