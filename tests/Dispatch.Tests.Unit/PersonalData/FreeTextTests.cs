using Dispatch.PersonalData;
using FluentAssertions;

namespace Dispatch.Tests.Unit.PersonalData;

/// <summary>
/// Free text bound for dashboards, lists and the big screen: personal numbers masked in the fields' own shapes, the
/// item's person's name masked as supervisors see names, everything else kept as typed.
/// </summary>
public sealed class FreeTextTests
{
    private const string Name = "张秀英";

    [Theory]
    [InlineData("来电13812345678反映补贴未发放", "来电138****5678反映补贴未发放")]
    [InlineData("13812345678", "138****5678")]
    [InlineData("联系电话：13912345678。", "联系电话：139****5678。")]
    [InlineData("手机138 1234 5678请回电", "手机138****5678请回电")]
    [InlineData("手机138-1234-5678请回电", "手机138****5678请回电")]
    [InlineData("手机 138 - 1234 - 5678", "手机 138****5678")]
    [InlineData("手机１３８１２３４５６７８请回电", "手机138****5678请回电")]
    [InlineData("手机１３８　１２３４　５６７８", "手机138****5678")]
    [InlineData("请拨+86 138 1234 5678", "请拨+86138****5678")]
    [InlineData("请拨8613812345678", "请拨86138****5678")]
    [InlineData("电话 1 3 8 1 2 3 4 5 6 7 8", "电话 138****5678")]
    [InlineData("Call 19912345678 today", "Call 199****5678 today")]
    public void A_mobile_number_keeps_its_first_three_and_last_four_digits(string text, string screened) =>
        FreeText.Screen(text).Should().Be(screened);

    [Theory]
    [InlineData("座机0573-82345678无人接听", "座机0573-****5678无人接听")]
    [InlineData("座机057382345678无人接听", "座机0573-****5678无人接听")]
    [InlineData("(0573)82345678", "(0573-****5678")]
    [InlineData("（0573）82345678", "（0573-****5678")]
    [InlineData("北京010-62345678", "北京010-****5678")]
    [InlineData("上海 021 62345678", "上海 021-****5678")]
    [InlineData("海宁0573-8234567", "海宁0573-****4567")]
    [InlineData("０５７３－８２３４５６７８", "0573-****5678")]
    public void A_landline_keeps_its_area_code_and_last_four_digits(string text, string screened) =>
        FreeText.Screen(text).Should().Be(screened);

    [Theory]
    [InlineData("家里电话82345678", "家里电话****5678")]
    [InlineData("座机：8234567", "座机：****4567")]
    [InlineData("手机号是 82345678", "手机号是 ****5678")]
    [InlineData("Tel: 82345678", "Tel: ****5678")]
    public void A_local_number_said_to_be_a_phone_keeps_its_last_four_digits(string text, string screened) =>
        FreeText.Screen(text).Should().Be(screened);

    [Theory]
    [InlineData("身份证330402199001011234核实", "身份证330402********1234核实")]
    [InlineData("身份证33040219900101123X核实", "身份证330402********123X核实")]
    [InlineData("身份证33040219900101123x核实", "身份证330402********123X核实")]
    [InlineData("身份证 330402 19900101 1234", "身份证 330402********1234")]
    [InlineData("身份证3304-0219-9001-0112-34", "身份证330402********1234")]
    [InlineData("身份证３３０４０２１９９００１０１１２３Ｘ", "身份证330402********123X")]
    [InlineData("ID 110101200012312345.", "ID 110101********2345.")]
    public void A_resident_id_keeps_its_region_and_last_four_characters(string text, string screened) =>
        FreeText.Screen(text).Should().Be(screened);

    [Theory]
    [InlineData("残疾证33040219900101123421", "残疾证330402********123421")]
    [InlineData("残疾证33040219900101123X42号", "残疾证330402********123X42号")]
    [InlineData("残疾证 330402199001011234 21", "残疾证 330402********123421")]
    public void A_certificate_keeps_its_region_and_last_six_characters(string text, string screened) =>
        FreeText.Screen(text).Should().Be(screened);

    [Theory]
    [InlineData("工单JX12385-20261129-000123已转办")]
    [InlineData("法援JXFY-20260302-000001")]
    [InlineData("2026-11-29 14:30来电")]
    [InlineData("2026年11月29日")]
    [InlineData("20261129")]
    [InlineData("补贴1380元，共计12,000.50元")]
    [InlineData("补贴13800元未到账")]
    [InlineData("转330402-CENTRE处理")]
    [InlineData("转330402-REHAB-1处理")]
    [InlineData("拨打12385热线")]
    [InlineData("0573-12385")]
    [InlineData("解放路1号3幢402室")]
    [InlineData("门牌82345678号")]
    [InlineData("共3人，分别为2、4、6号")]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa6")]
    [InlineData("编号1381234567899")]
    [InlineData("X光片3张，3x4规格")]
    [InlineData("生于1990年01月01日")]
    [InlineData("400-123-4567")]
    [InlineData("")]
    public void Numbers_that_are_not_personal_stay_as_typed(string text) => FreeText.Screen(text, Name).Should().Be(text);

    [Fact]
    public void A_date_before_a_phone_number_stays_and_the_phone_is_masked() =>
        FreeText.Screen("2026-11-29 13812345678来电").Should().Be("2026-11-29 138****5678来电");

    [Fact]
    public void A_ticket_number_beside_a_phone_number_stays() =>
        FreeText.Screen("JX12385-20261129-000123 13812345678").Should().Be("JX12385-20261129-000123 138****5678");

    [Fact]
    public void A_date_beside_a_landline_is_not_read_as_a_certificate() =>
        FreeText.Screen("2026-11-29 0573-82345678").Should().Be("2026-11-29 0573-****5678");

    [Fact]
    public void Several_numbers_in_one_text_are_each_masked() =>
        FreeText.Screen("手机13812345678，座机0573-82345678，身份证330402199001011234")
            .Should().Be("手机138****5678，座机0573-****5678，身份证330402********1234");

    [Fact]
    public void A_count_right_before_a_mobile_does_not_hide_it() =>
        FreeText.Screen("共2 13812345678").Should().Be("共2 138****5678");

    [Theory]
    [InlineData("张秀英反映无障碍坡道损坏", "张**反映无障碍坡道损坏")]
    [InlineData("来电人张秀英称", "来电人张**称")]
    [InlineData("张 秀 英反映", "张**反映")]
    [InlineData("张秀英、张秀英的母亲", "张**、张**的母亲")]
    [InlineData("张秀芳反映", "张秀芳反映")]
    [InlineData("张女士反映", "张女士反映")]
    public void The_person_s_name_is_masked_wherever_it_appears(string text, string screened) =>
        FreeText.Screen(text, Name).Should().Be(screened);

    [Fact]
    public void A_compound_surname_keeps_only_its_first_character() =>
        FreeText.Screen("欧阳晓明来电", "欧阳晓明").Should().Be("欧**来电");

    [Fact]
    public void A_name_outside_the_basic_plane_keeps_its_whole_first_character() =>
        FreeText.Screen("𠮷野家反映", "𠮷野家").Should().Be("𠮷**反映");

    [Theory]
    [InlineData("Caller zhang san asks for help", "Caller Z** asks for help")]
    [InlineData("ZHANG SAN called", "Z** called")]
    [InlineData("Zhang Sanders called", "Zhang Sanders called")]
    public void A_latin_name_is_masked_in_any_case_but_only_as_whole_words(string text, string screened) =>
        FreeText.Screen(text, "Zhang San").Should().Be(screened);

    [Fact]
    public void A_short_latin_name_does_not_mask_words_that_contain_it() =>
        FreeText.Screen("Li called about the Live feed", "Li").Should().Be("L** called about the Live feed");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("张")]
    public void No_name_or_a_single_character_masks_no_text(string? name) =>
        FreeText.Screen("张秀英反映", name).Should().Be("张秀英反映");

    [Fact]
    public void Every_given_name_is_masked_the_longer_first() =>
        FreeText.Screen("欧阳晓明与晓明的家属", "晓明", "欧阳晓明").Should().Be("欧**与晓**的家属");

    [Fact]
    public void The_name_and_the_numbers_of_one_title_are_all_masked() =>
        FreeText.Screen("张秀英（身份证330402199001011234，手机13812345678）反映无障碍坡道损坏", Name)
            .Should().Be("张**（身份证330402********1234，手机138****5678）反映无障碍坡道损坏");

    [Fact]
    public void Screening_twice_changes_nothing_more() =>
        FreeText.Screen(FreeText.Screen("张秀英13812345678", Name), Name).Should().Be("张**138****5678");

    [Theory]
    [InlineData("张秀英", "张**")]
    [InlineData("欧阳晓明", "欧**")]
    [InlineData("李", "李**")]
    [InlineData("", "")]
    public void A_name_is_masked_to_its_first_character_and_two_stars(string name, string masked) =>
        FreeText.MaskName(name).Should().Be(masked);
}
