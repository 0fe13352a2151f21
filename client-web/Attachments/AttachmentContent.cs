using System.IO.Compression;
using System.Xml;
using Dispatch.Items;

namespace Dispatch.Web.Attachments;

/// <summary>What a file's bytes show it to be: an accepted type (<see cref="AttachmentTypes"/>), or what was found instead.</summary>
/// <param name="ContentType">The accepted type; null when the file is of a kind the items do not take.</param>
/// <param name="Zh">What was detected, for the refusal and the list (e.g. "PNG 图片").</param>
public sealed record DetectedContent(string? ContentType, string Zh, string En)
{
    public bool Accepted => ContentType is not null;
}

/// <summary>
/// Tells a file's type by its content (magic bytes; for a zip, the [Content_Types].xml of an OOXML package), never by
/// its name or the type the client declared: a PNG named .pdf is a PNG, an HTML page named .pdf is HTML.
/// </summary>
public static class AttachmentContent
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string MacroWordMain = "application/vnd.ms-word.document.macroEnabled.main+xml";
    private const string MacroExcelMain = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> CompoundMagic => [0xD0, 0xCF, 0x11, 0xE0];

    public static DetectedContent Detect(byte[] content)
    {
        ReadOnlySpan<byte> head = content;
        if (head.StartsWith("%PDF-"u8))
        {
            return new(AttachmentTypes.Pdf, "PDF 文档", "PDF document");
        }
        if (head.StartsWith(JpegMagic))
        {
            return new(AttachmentTypes.Jpeg, "JPEG 图片", "JPEG image");
        }
        if (head.StartsWith(PngMagic))
        {
            return new(AttachmentTypes.Png, "PNG 图片", "PNG image");
        }
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return new(AttachmentTypes.Tiff, "TIFF 扫描件", "TIFF scan");
        }
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return Package(content);
        }
        return Other(head);
    }

    /// <summary>A zip: a Word or Excel document when its content types name the main part so, else some other archive.</summary>
    private static DetectedContent Package(byte[] content)
    {
        var types = ContentTypesOf(content);
        if (types is null)
        {
            return new(null, "ZIP 压缩包", "ZIP archive");
        }
        if (types.Contains(WordMain))
        {
            return new(AttachmentTypes.Docx, "Word 文档（.docx）", "Word document (.docx)");
        }
        if (types.Contains(ExcelMain))
        {
            return new(AttachmentTypes.Xlsx, "Excel 表格（.xlsx）", "Excel workbook (.xlsx)");
        }
        return types.Contains(MacroWordMain) || types.Contains(MacroExcelMain)
            ? new(null, "含宏的 Office 文档", "Office document with macros")
            : new(null, "其他 Office 或 ZIP 文件", "another Office or ZIP file");
    }

    /// <summary>The ContentType values of [Content_Types].xml; null when the zip is broken or has none.</summary>
    private static HashSet<string>? ContentTypesOf(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var entry = zip.GetEntry("[Content_Types].xml");
            if (entry is null || entry.Length > 1024 * 1024)
            {
                return null;
            }
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var types = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.GetAttribute("ContentType") is { } type)
                {
                    types.Add(type);
                }
            }
            return types;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException)
        {
            return null;
        }
    }

    private static DetectedContent Other(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("MZ"u8) || head.StartsWith("\u007fELF"u8))
        {
            return new(null, "可执行程序", "executable program");
        }
        if (head.StartsWith("GIF8"u8))
        {
            return new(null, "GIF 图片", "GIF image");
        }
        if (head.StartsWith("Rar!"u8) || head.StartsWith("7z\u00bc\u00af"u8))
        {
            return new(null, "压缩包", "archive");
        }
        if (head.StartsWith(CompoundMagic))
        {
            return new(null, "旧版 Office 文档（.doc/.xls）", "legacy Office document (.doc/.xls)");
        }
        var text = System.Text.Encoding.UTF8.GetString(head[..Math.Min(head.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n')
            .ToLowerInvariant();
        if (text.StartsWith("<!doctype html", StringComparison.Ordinal) || text.StartsWith("<html", StringComparison.Ordinal)
            || text.Contains("<script", StringComparison.Ordinal))
        {
            return new(null, "HTML 网页", "HTML page");
        }
        if (text.StartsWith("<svg", StringComparison.Ordinal) || (text.StartsWith("<?xml", StringComparison.Ordinal) && text.Contains("<svg", StringComparison.Ordinal)))
        {
            return new(null, "SVG 图形", "SVG image");
        }
        if (text.StartsWith('<'))
        {
            return new(null, "XML 或标记文本", "XML or markup text");
        }
        return new(null, "未知类型", "unknown type");
    }
}
