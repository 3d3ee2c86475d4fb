namespace CommunityRules.Text;

// Generated once from Unicode data (the runtime's invariant-mode casing and ICU's canonical decompositions) and kept
// as data, so folding never asks ICU or the culture. TextFoldingTests compares both tables with the runtime's own
// answers wherever those are available.
internal sealed partial class TextFolding
{
    /// <summary>
    /// Simple lower-case mappings as runs of (first, last, delta, step): every <c>step</c>-th character from
    /// <c>first</c> to <c>last</c> lowers to itself plus <c>delta</c>.
    /// </summary>
    private static ReadOnlySpan<int> LowerCaseRuns =>
    [
        0x0041, 0x005A, 32, 1, 0x00C0, 0x00D6, 32, 1, 0x00D8, 0x00DE, 32, 1, 0x0100, 0x012E, 1, 2,
        0x0132, 0x0136, 1, 2, 0x0139, 0x0147, 1, 2, 0x014A, 0x0176, 1, 2, 0x0178, 0x0178, -121, 1,
        0x0179, 0x017D, 1, 2, 0x0181, 0x0181, 210, 1, 0x0182, 0x0184, 1, 2, 0x0186, 0x0186, 206, 1,
        0x0187, 0x0187, 1, 1, 0x0189, 0x018A, 205, 1, 0x018B, 0x018B, 1, 1, 0x018E, 0x018E, 79, 1,
        0x018F, 0x018F, 202, 1, 0x0190, 0x0190, 203, 1, 0x0191, 0x0191, 1, 1, 0x0193, 0x0193, 205, 1,
        0x0194, 0x0194, 207, 1, 0x0196, 0x0196, 211, 1, 0x0197, 0x0197, 209, 1, 0x0198, 0x0198, 1, 1,
        0x019C, 0x019C, 211, 1, 0x019D, 0x019D, 213, 1, 0x019F, 0x019F, 214, 1, 0x01A0, 0x01A4, 1, 2,
        0x01A6, 0x01A6, 218, 1, 0x01A7, 0x01A7, 1, 1, 0x01A9, 0x01A9, 218, 1, 0x01AC, 0x01AC, 1, 1,
        0x01AE, 0x01AE, 218, 1, 0x01AF, 0x01AF, 1, 1, 0x01B1, 0x01B2, 217, 1, 0x01B3, 0x01B5, 1, 2,
        0x01B7, 0x01B7, 219, 1, 0x01B8, 0x01B8, 1, 1, 0x01BC, 0x01BC, 1, 1, 0x01C4, 0x01C4, 2, 1,
        0x01C5, 0x01C5, 1, 1, 0x01C7, 0x01C7, 2, 1, 0x01C8, 0x01C8, 1, 1, 0x01CA, 0x01CA, 2, 1,
        0x01CB, 0x01DB, 1, 2, 0x01DE, 0x01EE, 1, 2, 0x01F1, 0x01F1, 2, 1, 0x01F2, 0x01F4, 1, 2,
        0x01F6, 0x01F6, -97, 1, 0x01F7, 0x01F7, -56, 1, 0x01F8, 0x021E, 1, 2, 0x0220, 0x0220, -130, 1,
        0x0222, 0x0232, 1, 2, 0x023A, 0x023A, 10795, 1, 0x023B, 0x023B, 1, 1, 0x023D, 0x023D, -163, 1,
        0x023E, 0x023E, 10792, 1, 0x0241, 0x0241, 1, 1, 0x0243, 0x0243, -195, 1, 0x0244, 0x0244, 69, 1,
        0x0245, 0x0245, 71, 1, 0x0246, 0x024E, 1, 2, 0x0370, 0x0372, 1, 2, 0x0376, 0x0376, 1, 1,
        0x037F, 0x037F, 116, 1, 0x0386, 0x0386, 38, 1, 0x0388, 0x038A, 37, 1, 0x038C, 0x038C, 64, 1,
        0x038E, 0x038F, 63, 1, 0x0391, 0x03A1, 32, 1, 0x03A3, 0x03AB, 32, 1, 0x03CF, 0x03CF, 8, 1,
        0x03D8, 0x03EE, 1, 2, 0x03F4, 0x03F4, -60, 1, 0x03F7, 0x03F7, 1, 1, 0x03F9, 0x03F9, -7, 1,
        0x03FA, 0x03FA, 1, 1, 0x03FD, 0x03FF, -130, 1, 0x0400, 0x040F, 80, 1, 0x0410, 0x042F, 32, 1,
        0x0460, 0x0480, 1, 2, 0x048A, 0x04BE, 1, 2, 0x04C0, 0x04C0, 15, 1, 0x04C1, 0x04CD, 1, 2,
        0x04D0, 0x052E, 1, 2, 0x0531, 0x0556, 48, 1, 0x10A0, 0x10C5, 7264, 1, 0x10C7, 0x10C7, 7264, 1,
        0x10CD, 0x10CD, 7264, 1, 0x13A0, 0x13EF, 38864, 1, 0x13F0, 0x13F5, 8, 1, 0x1C89, 0x1C89, 1, 1,
        0x1C90, 0x1CBA, -3008, 1, 0x1CBD, 0x1CBF, -3008, 1, 0x1E00, 0x1E94, 1, 2, 0x1E9E, 0x1E9E, -7615, 1,
        0x1EA0, 0x1EFE, 1, 2, 0x1F08, 0x1F0F, -8, 1, 0x1F18, 0x1F1D, -8, 1, 0x1F28, 0x1F2F, -8, 1,
        0x1F38, 0x1F3F, -8, 1, 0x1F48, 0x1F4D, -8, 1, 0x1F59, 0x1F5F, -8, 2, 0x1F68, 0x1F6F, -8, 1,
        0x1F88, 0x1F8F, -8, 1, 0x1F98, 0x1F9F, -8, 1, 0x1FA8, 0x1FAF, -8, 1, 0x1FB8, 0x1FB9, -8, 1,
        0x1FBA, 0x1FBB, -74, 1, 0x1FBC, 0x1FBC, -9, 1, 0x1FC8, 0x1FCB, -86, 1, 0x1FCC, 0x1FCC, -9, 1,
        0x1FD8, 0x1FD9, -8, 1, 0x1FDA, 0x1FDB, -100, 1, 0x1FE8, 0x1FE9, -8, 1, 0x1FEA, 0x1FEB, -112, 1,
        0x1FEC, 0x1FEC, -7, 1, 0x1FF8, 0x1FF9, -128, 1, 0x1FFA, 0x1FFB, -126, 1, 0x1FFC, 0x1FFC, -9, 1,
        0x2126, 0x2126, -7517, 1, 0x212A, 0x212A, -8383, 1, 0x212B, 0x212B, -8262, 1, 0x2132, 0x2132, 28, 1,
        0x2160, 0x216F, 16, 1, 0x2183, 0x2183, 1, 1, 0x24B6, 0x24CF, 26, 1, 0x2C00, 0x2C2F, 48, 1,
        0x2C60, 0x2C60, 1, 1, 0x2C62, 0x2C62, -10743, 1, 0x2C63, 0x2C63, -3814, 1, 0x2C64, 0x2C64, -10727, 1,
        0x2C67, 0x2C6B, 1, 2, 0x2C6D, 0x2C6D, -10780, 1, 0x2C6E, 0x2C6E, -10749, 1, 0x2C6F, 0x2C6F, -10783, 1,
        0x2C70, 0x2C70, -10782, 1, 0x2C72, 0x2C72, 1, 1, 0x2C75, 0x2C75, 1, 1, 0x2C7E, 0x2C7F, -10815, 1,
        0x2C80, 0x2CE2, 1, 2, 0x2CEB, 0x2CED, 1, 2, 0x2CF2, 0x2CF2, 1, 1, 0xA640, 0xA66C, 1, 2,
        0xA680, 0xA69A, 1, 2, 0xA722, 0xA72E, 1, 2, 0xA732, 0xA76E, 1, 2, 0xA779, 0xA77B, 1, 2,
        0xA77D, 0xA77D, -35332, 1, 0xA77E, 0xA786, 1, 2, 0xA78B, 0xA78B, 1, 1, 0xA78D, 0xA78D, -42280, 1,
        0xA790, 0xA792, 1, 2, 0xA796, 0xA7A8, 1, 2, 0xA7AA, 0xA7AA, -42308, 1, 0xA7AB, 0xA7AB, -42319, 1,
        0xA7AC, 0xA7AC, -42315, 1, 0xA7AD, 0xA7AD, -42305, 1, 0xA7AE, 0xA7AE, -42308, 1, 0xA7B0, 0xA7B0, -42258, 1,
        0xA7B1, 0xA7B1, -42282, 1, 0xA7B2, 0xA7B2, -42261, 1, 0xA7B3, 0xA7B3, 928, 1, 0xA7B4, 0xA7C2, 1, 2,
        0xA7C4, 0xA7C4, -48, 1, 0xA7C5, 0xA7C5, -42307, 1, 0xA7C6, 0xA7C6, -35384, 1, 0xA7C7, 0xA7C9, 1, 2,
        0xA7CB, 0xA7CB, -42343, 1, 0xA7CC, 0xA7CC, 1, 1, 0xA7D0, 0xA7D0, 1, 1, 0xA7D6, 0xA7DA, 1, 2,
        0xA7DC, 0xA7DC, -42561, 1, 0xA7F5, 0xA7F5, 1, 1, 0xFF21, 0xFF3A, 32, 1,
    ];

    /// <summary>
    /// Lower-case letters (and İ) whose canonical decomposition is a letter followed by marks from U+0300 to U+036F,
    /// each written as the letter, then its decomposition: "à" is "à" "a" U+0300. A record starts at every character
    /// that is not such a mark.
    /// </summary>
    private const string Decompositions =
        "\u00E0a\u0300\u00E1a\u0301\u00E2a\u0302\u00E3a\u0303\u00E4a\u0308\u00E5a\u030A\u00E7c\u0327\u00E8e\u0300" + // àáâãäåçè
        "\u00E9e\u0301\u00EAe\u0302\u00EBe\u0308\u00ECi\u0300\u00EDi\u0301\u00EEi\u0302\u00EFi\u0308\u00F1n\u0303" + // éêëìíîïñ
        "\u00F2o\u0300\u00F3o\u0301\u00F4o\u0302\u00F5o\u0303\u00F6o\u0308\u00F9u\u0300\u00FAu\u0301\u00FBu\u0302" + // òóôõöùúû
        "\u00FCu\u0308\u00FDy\u0301\u00FFy\u0308\u0101a\u0304\u0103a\u0306\u0105a\u0328\u0107c\u0301\u0109c\u0302" + // üýÿāăąćĉ
        "\u010Bc\u0307\u010Dc\u030C\u010Fd\u030C\u0113e\u0304\u0115e\u0306\u0117e\u0307\u0119e\u0328\u011Be\u030C" + // ċčďēĕėęě
        "\u011Dg\u0302\u011Fg\u0306\u0121g\u0307\u0123g\u0327\u0125h\u0302\u0129i\u0303\u012Bi\u0304\u012Di\u0306" + // ĝğġģĥĩīĭ
        "\u012Fi\u0328\u0130I\u0307\u0135j\u0302\u0137k\u0327\u013Al\u0301\u013Cl\u0327\u013El\u030C\u0144n\u0301" + // įİĵķĺļľń
        "\u0146n\u0327\u0148n\u030C\u014Do\u0304\u014Fo\u0306\u0151o\u030B\u0155r\u0301\u0157r\u0327\u0159r\u030C" + // ņňōŏőŕŗř
        "\u015Bs\u0301\u015Ds\u0302\u015Fs\u0327\u0161s\u030C\u0163t\u0327\u0165t\u030C\u0169u\u0303\u016Bu\u0304" + // śŝşšţťũū
        "\u016Du\u0306\u016Fu\u030A\u0171u\u030B\u0173u\u0328\u0175w\u0302\u0177y\u0302\u017Az\u0301\u017Cz\u0307" + // ŭůűųŵŷźż
        "\u017Ez\u030C\u01A1o\u031B\u01B0u\u031B\u01CEa\u030C\u01D0i\u030C\u01D2o\u030C\u01D4u\u030C\u01D6u\u0308\u0304" + // žơưǎǐǒǔǖ
        "\u01D8u\u0308\u0301\u01DAu\u0308\u030C\u01DCu\u0308\u0300\u01DFa\u0308\u0304\u01E1a\u0307\u0304\u01E3\u00E6\u0304\u01E7g\u030C\u01E9k\u030C" + // ǘǚǜǟǡǣǧǩ
        "\u01EBo\u0328\u01EDo\u0328\u0304\u01EF\u0292\u030C\u01F0j\u030C\u01F5g\u0301\u01F9n\u0300\u01FBa\u030A\u0301\u01FD\u00E6\u0301" + // ǫǭǯǰǵǹǻǽ
        "\u01FF\u00F8\u0301\u0201a\u030F\u0203a\u0311\u0205e\u030F\u0207e\u0311\u0209i\u030F\u020Bi\u0311\u020Do\u030F" + // ǿȁȃȅȇȉȋȍ
        "\u020Fo\u0311\u0211r\u030F\u0213r\u0311\u0215u\u030F\u0217u\u0311\u0219s\u0326\u021Bt\u0326\u021Fh\u030C" + // ȏȑȓȕȗșțȟ
        "\u0227a\u0307\u0229e\u0327\u022Bo\u0308\u0304\u022Do\u0303\u0304\u022Fo\u0307\u0231o\u0307\u0304\u0233y\u0304\u0390\u03B9\u0308\u0301" + // ȧȩȫȭȯȱȳΐ
        "\u03AC\u03B1\u0301\u03AD\u03B5\u0301\u03AE\u03B7\u0301\u03AF\u03B9\u0301\u03B0\u03C5\u0308\u0301\u03CA\u03B9\u0308\u03CB\u03C5\u0308\u03CC\u03BF\u0301" + // άέήίΰϊϋό
        "\u03CD\u03C5\u0301\u03CE\u03C9\u0301\u03D3\u03D2\u0301\u03D4\u03D2\u0308\u0439\u0438\u0306\u0450\u0435\u0300\u0451\u0435\u0308\u0453\u0433\u0301" + // ύώϓϔйѐёѓ
        "\u0457\u0456\u0308\u045C\u043A\u0301\u045D\u0438\u0300\u045E\u0443\u0306\u0477\u0475\u030F\u04C2\u0436\u0306\u04D1\u0430\u0306\u04D3\u0430\u0308" + // їќѝўѷӂӑӓ
        "\u04D7\u0435\u0306\u04DB\u04D9\u0308\u04DD\u0436\u0308\u04DF\u0437\u0308\u04E3\u0438\u0304\u04E5\u0438\u0308\u04E7\u043E\u0308\u04EB\u04E9\u0308" + // ӗӛӝӟӣӥӧӫ
        "\u04ED\u044D\u0308\u04EF\u0443\u0304\u04F1\u0443\u0308\u04F3\u0443\u030B\u04F5\u0447\u0308\u04F9\u044B\u0308\u1E01a\u0325\u1E03b\u0307" + // ӭӯӱӳӵӹḁḃ
        "\u1E05b\u0323\u1E07b\u0331\u1E09c\u0327\u0301\u1E0Bd\u0307\u1E0Dd\u0323\u1E0Fd\u0331\u1E11d\u0327\u1E13d\u032D" + // ḅḇḉḋḍḏḑḓ
        "\u1E15e\u0304\u0300\u1E17e\u0304\u0301\u1E19e\u032D\u1E1Be\u0330\u1E1De\u0327\u0306\u1E1Ff\u0307\u1E21g\u0304\u1E23h\u0307" + // ḕḗḙḛḝḟḡḣ
        "\u1E25h\u0323\u1E27h\u0308\u1E29h\u0327\u1E2Bh\u032E\u1E2Di\u0330\u1E2Fi\u0308\u0301\u1E31k\u0301\u1E33k\u0323" + // ḥḧḩḫḭḯḱḳ
        "\u1E35k\u0331\u1E37l\u0323\u1E39l\u0323\u0304\u1E3Bl\u0331\u1E3Dl\u032D\u1E3Fm\u0301\u1E41m\u0307\u1E43m\u0323" + // ḵḷḹḻḽḿṁṃ
        "\u1E45n\u0307\u1E47n\u0323\u1E49n\u0331\u1E4Bn\u032D\u1E4Do\u0303\u0301\u1E4Fo\u0303\u0308\u1E51o\u0304\u0300\u1E53o\u0304\u0301" + // ṅṇṉṋṍṏṑṓ
        "\u1E55p\u0301\u1E57p\u0307\u1E59r\u0307\u1E5Br\u0323\u1E5Dr\u0323\u0304\u1E5Fr\u0331\u1E61s\u0307\u1E63s\u0323" + // ṕṗṙṛṝṟṡṣ
        "\u1E65s\u0301\u0307\u1E67s\u030C\u0307\u1E69s\u0323\u0307\u1E6Bt\u0307\u1E6Dt\u0323\u1E6Ft\u0331\u1E71t\u032D\u1E73u\u0324" + // ṥṧṩṫṭṯṱṳ
        "\u1E75u\u0330\u1E77u\u032D\u1E79u\u0303\u0301\u1E7Bu\u0304\u0308\u1E7Dv\u0303\u1E7Fv\u0323\u1E81w\u0300\u1E83w\u0301" + // ṵṷṹṻṽṿẁẃ
        "\u1E85w\u0308\u1E87w\u0307\u1E89w\u0323\u1E8Bx\u0307\u1E8Dx\u0308\u1E8Fy\u0307\u1E91z\u0302\u1E93z\u0323" + // ẅẇẉẋẍẏẑẓ
        "\u1E95z\u0331\u1E96h\u0331\u1E97t\u0308\u1E98w\u030A\u1E99y\u030A\u1E9B\u017F\u0307\u1EA1a\u0323\u1EA3a\u0309" + // ẕẖẗẘẙẛạả
        "\u1EA5a\u0302\u0301\u1EA7a\u0302\u0300\u1EA9a\u0302\u0309\u1EABa\u0302\u0303\u1EADa\u0323\u0302\u1EAFa\u0306\u0301\u1EB1a\u0306\u0300\u1EB3a\u0306\u0309" + // ấầẩẫậắằẳ
        "\u1EB5a\u0306\u0303\u1EB7a\u0323\u0306\u1EB9e\u0323\u1EBBe\u0309\u1EBDe\u0303\u1EBFe\u0302\u0301\u1EC1e\u0302\u0300\u1EC3e\u0302\u0309" + // ẵặẹẻẽếềể
        "\u1EC5e\u0302\u0303\u1EC7e\u0323\u0302\u1EC9i\u0309\u1ECBi\u0323\u1ECDo\u0323\u1ECFo\u0309\u1ED1o\u0302\u0301\u1ED3o\u0302\u0300" + // ễệỉịọỏốồ
        "\u1ED5o\u0302\u0309\u1ED7o\u0302\u0303\u1ED9o\u0323\u0302\u1EDBo\u031B\u0301\u1EDDo\u031B\u0300\u1EDFo\u031B\u0309\u1EE1o\u031B\u0303\u1EE3o\u031B\u0323" + // ổỗộớờởỡợ
        "\u1EE5u\u0323\u1EE7u\u0309\u1EE9u\u031B\u0301\u1EEBu\u031B\u0300\u1EEDu\u031B\u0309\u1EEFu\u031B\u0303\u1EF1u\u031B\u0323\u1EF3y\u0300" + // ụủứừửữựỳ
        "\u1EF5y\u0323\u1EF7y\u0309\u1EF9y\u0303\u1F00\u03B1\u0313\u1F01\u03B1\u0314\u1F02\u03B1\u0313\u0300\u1F03\u03B1\u0314\u0300\u1F04\u03B1\u0313\u0301" + // ỵỷỹἀἁἂἃἄ
        "\u1F05\u03B1\u0314\u0301\u1F06\u03B1\u0313\u0342\u1F07\u03B1\u0314\u0342\u1F10\u03B5\u0313\u1F11\u03B5\u0314\u1F12\u03B5\u0313\u0300\u1F13\u03B5\u0314\u0300\u1F14\u03B5\u0313\u0301" + // ἅἆἇἐἑἒἓἔ
        "\u1F15\u03B5\u0314\u0301\u1F20\u03B7\u0313\u1F21\u03B7\u0314\u1F22\u03B7\u0313\u0300\u1F23\u03B7\u0314\u0300\u1F24\u03B7\u0313\u0301\u1F25\u03B7\u0314\u0301\u1F26\u03B7\u0313\u0342" + // ἕἠἡἢἣἤἥἦ
        "\u1F27\u03B7\u0314\u0342\u1F30\u03B9\u0313\u1F31\u03B9\u0314\u1F32\u03B9\u0313\u0300\u1F33\u03B9\u0314\u0300\u1F34\u03B9\u0313\u0301\u1F35\u03B9\u0314\u0301\u1F36\u03B9\u0313\u0342" + // ἧἰἱἲἳἴἵἶ
        "\u1F37\u03B9\u0314\u0342\u1F40\u03BF\u0313\u1F41\u03BF\u0314\u1F42\u03BF\u0313\u0300\u1F43\u03BF\u0314\u0300\u1F44\u03BF\u0313\u0301\u1F45\u03BF\u0314\u0301\u1F50\u03C5\u0313" + // ἷὀὁὂὃὄὅὐ
        "\u1F51\u03C5\u0314\u1F52\u03C5\u0313\u0300\u1F53\u03C5\u0314\u0300\u1F54\u03C5\u0313\u0301\u1F55\u03C5\u0314\u0301\u1F56\u03C5\u0313\u0342\u1F57\u03C5\u0314\u0342\u1F60\u03C9\u0313" + // ὑὒὓὔὕὖὗὠ
        "\u1F61\u03C9\u0314\u1F62\u03C9\u0313\u0300\u1F63\u03C9\u0314\u0300\u1F64\u03C9\u0313\u0301\u1F65\u03C9\u0314\u0301\u1F66\u03C9\u0313\u0342\u1F67\u03C9\u0314\u0342\u1F70\u03B1\u0300" + // ὡὢὣὤὥὦὧὰ
        "\u1F71\u03B1\u0301\u1F72\u03B5\u0300\u1F73\u03B5\u0301\u1F74\u03B7\u0300\u1F75\u03B7\u0301\u1F76\u03B9\u0300\u1F77\u03B9\u0301\u1F78\u03BF\u0300" + // άὲέὴήὶίὸ
        "\u1F79\u03BF\u0301\u1F7A\u03C5\u0300\u1F7B\u03C5\u0301\u1F7C\u03C9\u0300\u1F7D\u03C9\u0301\u1F80\u03B1\u0313\u0345\u1F81\u03B1\u0314\u0345\u1F82\u03B1\u0313\u0300\u0345" + // όὺύὼώᾀᾁᾂ
        "\u1F83\u03B1\u0314\u0300\u0345\u1F84\u03B1\u0313\u0301\u0345\u1F85\u03B1\u0314\u0301\u0345\u1F86\u03B1\u0313\u0342\u0345\u1F87\u03B1\u0314\u0342\u0345\u1F90\u03B7\u0313\u0345\u1F91\u03B7\u0314\u0345\u1F92\u03B7\u0313\u0300\u0345" + // ᾃᾄᾅᾆᾇᾐᾑᾒ
        "\u1F93\u03B7\u0314\u0300\u0345\u1F94\u03B7\u0313\u0301\u0345\u1F95\u03B7\u0314\u0301\u0345\u1F96\u03B7\u0313\u0342\u0345\u1F97\u03B7\u0314\u0342\u0345\u1FA0\u03C9\u0313\u0345\u1FA1\u03C9\u0314\u0345\u1FA2\u03C9\u0313\u0300\u0345" + // ᾓᾔᾕᾖᾗᾠᾡᾢ
        "\u1FA3\u03C9\u0314\u0300\u0345\u1FA4\u03C9\u0313\u0301\u0345\u1FA5\u03C9\u0314\u0301\u0345\u1FA6\u03C9\u0313\u0342\u0345\u1FA7\u03C9\u0314\u0342\u0345\u1FB0\u03B1\u0306\u1FB1\u03B1\u0304\u1FB2\u03B1\u0300\u0345" + // ᾣᾤᾥᾦᾧᾰᾱᾲ
        "\u1FB3\u03B1\u0345\u1FB4\u03B1\u0301\u0345\u1FB6\u03B1\u0342\u1FB7\u03B1\u0342\u0345\u1FC2\u03B7\u0300\u0345\u1FC3\u03B7\u0345\u1FC4\u03B7\u0301\u0345\u1FC6\u03B7\u0342" + // ᾳᾴᾶᾷῂῃῄῆ
        "\u1FC7\u03B7\u0342\u0345\u1FD0\u03B9\u0306\u1FD1\u03B9\u0304\u1FD2\u03B9\u0308\u0300\u1FD3\u03B9\u0308\u0301\u1FD6\u03B9\u0342\u1FD7\u03B9\u0308\u0342\u1FE0\u03C5\u0306" + // ῇῐῑῒΐῖῗῠ
        "\u1FE1\u03C5\u0304\u1FE2\u03C5\u0308\u0300\u1FE3\u03C5\u0308\u0301\u1FE4\u03C1\u0313\u1FE5\u03C1\u0314\u1FE6\u03C5\u0342\u1FE7\u03C5\u0308\u0342\u1FF2\u03C9\u0300\u0345" + // ῡῢΰῤῥῦῧῲ
        "\u1FF3\u03C9\u0345\u1FF4\u03C9\u0301\u0345\u1FF6\u03C9\u0342\u1FF7\u03C9\u0342\u0345"; // ῳῴῶῷ
}
