using Dispatch.Items;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Items;

public sealed class TextCharactersTests
{
    [Theory]
    [InlineData("来电反映护理补贴未发放。")]
    [InlineData("第一行\n第二行\r\n\t缩进")]
    [InlineData("生僻字𠀀与表情😀")]
    [InlineData("")]
    public void Printable_text_with_line_breaks_and_characters_outside_the_basic_plane_is_clean(string text) =>
        TextCharacters.FirstForbidden(text).Should().Be(-1);

    [Theory]
    [InlineData("前\u0000后", 1)]
    [InlineData("\u0007", 0)]
    [InlineData("ab\u001b[31m", 2)]
    [InlineData("x\u007f", 1)]
    [InlineData("x\u0085", 1)]
    [InlineData("\ufffe", 0)]
    public void Control_characters_unpaired_surrogates_and_noncharacters_are_found_where_they_are(string text, int index) =>
        TextCharacters.FirstForbidden(text).Should().Be(index);

    /// <summary>Built at run time: attribute data cannot carry an unpaired surrogate (it would arrive as U+FFFD).</summary>
    [Fact]
    public void Unpaired_surrogates_are_found_where_they_are()
    {
        const char high = (char)0xD800, low = (char)0xDC00;
        TextCharacters.FirstForbidden("尾" + high).Should().Be(1);
        TextCharacters.FirstForbidden(low + "头").Should().Be(0);
        TextCharacters.FirstForbidden("反" + low + high).Should().Be(1);
        TextCharacters.FirstForbidden("对" + high + low).Should().Be(-1, "a pair is one character outside the basic plane");
    }

    [Fact]
    public void The_refused_character_is_named_by_its_code_point_not_by_the_text_around_it() =>
        TextCharacters.Describe("电话13812345678\u0000", 13).Should().Be("U+0000");

    [Fact]
    public void Length_counts_a_character_outside_the_basic_plane_once() =>
        TextCharacters.Length("𠀀😀字").Should().Be(3);

    [Fact]
    public void The_text_rules_of_the_grains_refuse_a_control_character_with_a_field_error()
    {
        var error = TextRules.Check("note", "说明\u0000", TextLimits.Note, required: true, "说明", "note");
        error.Should().NotBeNull();
        error!.Field.Should().Be("note");
        error.Code.Should().Be("invalid_character");
    }
}
