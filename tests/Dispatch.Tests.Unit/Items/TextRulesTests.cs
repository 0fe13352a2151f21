using Dispatch.Items;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Items;

/// <summary>The free-text checks every item action shares: required, trimmed, and counted in characters (code points).</summary>
public sealed class TextRulesTests
{
    /// <summary>U+20000, a CJK character outside the basic plane: one character, two UTF-16 units.</summary>
    private const string Rare = "𠀀";

    [Fact]
    public void A_missing_required_text_is_reported_with_both_languages()
    {
        var error = TextRules.Check("note", "   ", TextLimits.Note, true, "备注", "note");

        error.Should().NotBeNull();
        error!.Code.Should().Be("required");
        error.MessageZh.Should().Be("请填写备注。");
        error.MessageEn.Should().Be("The note is required.");
    }

    [Fact]
    public void A_missing_optional_text_is_fine() =>
        TextRules.Check("note", null, TextLimits.Note, false, "备注", "note").Should().BeNull();

    [Fact]
    public void Text_at_the_limit_in_characters_passes_although_it_has_twice_as_many_utf16_units()
    {
        var text = string.Concat(Enumerable.Repeat(Rare, TextLimits.Note));

        text.Length.Should().Be(2 * TextLimits.Note);
        TextRules.Check("note", text, TextLimits.Note, true, "备注", "note").Should().BeNull();
    }

    [Fact]
    public void Text_one_character_over_the_limit_is_too_long()
    {
        var text = string.Concat(Enumerable.Repeat("说", TextLimits.Note + 1));

        TextRules.Check("note", text, TextLimits.Note, true, "备注", "note")!.Code.Should().Be("too_long");
    }

    [Fact]
    public void Surrounding_white_space_does_not_count() =>
        TextRules.Check("note", "  " + new string('说', TextLimits.Note) + "\n", TextLimits.Note, true, "备注", "note").Should().BeNull();

    [Fact]
    public void A_choice_outside_the_list_names_the_allowed_values()
    {
        var error = TextRules.Choice("reason", "whim", new HashSet<string> { "duplicate", "other" }, "原因", "reason");

        error!.Code.Should().Be("unknown_value");
        error.MessageEn.Should().Contain("duplicate, other");
    }

    [Fact]
    public void Invalid_gathers_every_field_error_and_is_null_when_there_is_none()
    {
        TextRules.Invalid(null, null).Should().BeNull();

        var error = TextRules.Invalid(TextRules.Check("a", null, 10, true, "甲", "a"), null, TextRules.Check("b", "", 10, true, "乙", "b"));

        error!.Fields.Select(f => f.Field).Should().Equal("a", "b");
    }
}
