using CommunityRules.Data.Teams;

namespace CommunityRules.Tests.Data.Teams;

/// <summary>Teams message bodies read as the text a reader sees.</summary>
public sealed class HtmlTextTests
{
    private readonly HtmlText _html = new();

    [Theory]
    [InlineData("<p>Hej  alla,\n  välkomna!</p>", "Hej alla, välkomna!")]
    [InlineData("<div><p>Första stycket</p><p>Andra stycket</p></div>", "Första stycket\nAndra stycket")]
    [InlineData("<p>Rad ett<br>Rad två<br><br>Rad fyra</p>", "Rad ett\nRad två\n\nRad fyra")]
    [InlineData("Bara text &amp; inga taggar", "Bara text & inga taggar")]
    [InlineData("Bara text, inga taggar", "Bara text, inga taggar")]
    [InlineData("<p>R&auml;ksm&ouml;rg&aring;s &lt;3 &#248;l &#x00E6;ble</p>", "Räksmörgås <3 øl æble")]
    [InlineData("<ul><li>Ett</li><li>Två</li></ul>", "Ett\nTvå")]
    [InlineData("<table><tr><td>Namn</td><td>Ort</td></tr><tr><td>Åsa</td><td>Malmö</td></tr></table>", "Namn Ort\nÅsa Malmö")]
    [InlineData("<pre>kod  med\n  indrag</pre>", "kod  med\n  indrag")]
    [InlineData("<p>Före</p><script>alert('x')</script><style>p{}</style><p>Efter</p>", "Före\nEfter")]
    public void Html_is_read_as_text(string html, string expected) => Assert.Equal(expected, _html.ToText(html));

    [Theory]
    [InlineData("<p>Se <a href=\"https://intranet.example/plan\">planen</a>.</p>", "Se planen (https://intranet.example/plan).")]
    [InlineData("<p><a href=\"https://intranet.example/plan\">https://intranet.example/plan</a></p>", "https://intranet.example/plan")]
    [InlineData("<p><a href=\"https://intranet.example/\">https://intranet.example</a></p>", "https://intranet.example")]
    [InlineData("<p>Bild: <a href=\"https://intranet.example/bild.png\"><img src=\"x.png\"></a></p>", "Bild: https://intranet.example/bild.png")]
    [InlineData("<p>Mejla <a href=\"mailto:hr@example.com\">HR</a></p>", "Mejla HR")]
    [InlineData("<p><a href=\"https://wetransfer.com/downloads/x\">intranet.example/delat</a></p>", "intranet.example/delat (https://wetransfer.com/downloads/x)")]
    public void A_link_keeps_its_label_and_its_address(string html, string expected) => Assert.Equal(expected, _html.ToText(html));

    [Fact]
    public void Mentions_read_as_at_names_and_emoji_as_their_characters()
    {
        var text = _html.ToText("<p><at id=\"0\">Björn Åkerlund</at> tack <emoji id=\"1f44d_thumbsup\" alt=\"👍\" title=\"Tummen upp\"></emoji><img itemtype=\"http://schema.skype.com/Emoji\" alt=\"😀\" src=\"x\"></p>");

        Assert.Equal("@Björn Åkerlund tack 👍😀", text);
    }

    [Fact]
    public void Broken_html_is_read_as_a_browser_would_mend_it()
    {
        var text = _html.ToText("<div><p>Öppen <b>fet <i>och kursiv</p><p>Nästa <a href=\"https://intranet.example/x\">länk</div> & slut <span");

        // As in a browser: the unclosed link goes on after the closed block, so its address follows both parts.
        Assert.Equal("Öppen fet och kursiv\nNästa länk (https://intranet.example/x)\n& slut (https://intranet.example/x)", text);
    }

    [Fact]
    public void One_instance_reads_one_body_after_another_without_carrying_anything_over()
    {
        Assert.Equal("Ett", _html.ToText("<p>Ett<br>"));
        Assert.Equal("Två", _html.ToText("Två"));
    }

    [Fact]
    public void Very_deep_nesting_is_read_without_overflowing_the_stack()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", 5000)) + "djupt" + string.Concat(Enumerable.Repeat("</span>", 5000));

        Assert.Equal("djupt", _html.ToText(html));
    }
}
