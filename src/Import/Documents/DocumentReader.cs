using System.Diagnostics;
using System.IO.Compression;
using PlanLang.Diagnostics;

namespace PlanLang.Import.Documents;

/// <summary>
/// Reads a document of any importable kind into blocks, after checking what it would cost: its size, what a Word
/// package expands to, whether it is encrypted. Every refusal is a PL82xx diagnostic naming the file; nothing here
/// throws for a bad document.
/// </summary>
public static class DocumentReader
{
    public static readonly IReadOnlyList<string> Extensions = [".docx", ".doc", ".pdf", ".txt", ".md", ".html", ".htm"];

    // The signature of an OLE compound file: an old .doc, or an encrypted .docx (Word wraps the encrypted package in one).
    private static readonly string[] Offices = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"];

    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static ReadResult Read(string path, UiLanguage language)
    {
        var span = SourceSpan.StartOf(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            return ReadResult.Refused(DiagnosticCodes.ImportUnsupported.Create(span, language, Path.GetFileName(path)));
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return ReadResult.Refused(DiagnosticCodes.FileUnreadable.Create(span, language, path));
        }

        if (info.Length > ImportLimits.MaxFileBytes)
        {
            return ReadResult.Refused(DiagnosticCodes.ImportTooLarge.Create(span, language, ImportLimits.Size(info.Length), ImportLimits.Size(ImportLimits.MaxFileBytes)));
        }

        if (info.Length == 0)
        {
            return ReadResult.Refused(DiagnosticCodes.ImportEmpty.Create(span, language));
        }

        try
        {
            var head = Head(path);
            if (head.AsSpan().StartsWith(CompoundFile))
            {
                return IsEncryptedPackage(path)
                    ? ReadResult.Refused(DiagnosticCodes.ImportEncrypted.Create(span, language))
                    : FromOldWord(path, language);
            }

            var result = extension switch
            {
                ".docx" => CheckPackage(path, language) ?? DocxReader.Read(path, language),
                ".doc" => FromOldWord(path, language),
                ".pdf" => PdfTextReader.Read(path, language),
                ".html" or ".htm" => HtmlTextReader.Read(path),
                _ => PlainTextReader.Read(path, extension == ".md"),
            };
            return result.Document is { } document && document.Blocks.All(b => string.IsNullOrWhiteSpace(b.Text) && !b.IsTable)
                ? ReadResult.Refused(DiagnosticCodes.ImportEmpty.Create(span, language))
                : result;
        }
        catch (IOException e)
        {
            return ReadResult.Refused(DiagnosticCodes.ImportUnreadable.Create(span, language, extension.TrimStart('.'), e.Message));
        }
        catch (UnauthorizedAccessException e)
        {
            return ReadResult.Refused(DiagnosticCodes.ImportUnreadable.Create(span, language, extension.TrimStart('.'), e.Message));
        }
    }

    private static byte[] Head(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }

    // An encrypted Word file is a compound file holding streams named EncryptionInfo and EncryptedPackage; their names
    // are in its directory, as UTF-16.
    private static bool IsEncryptedPackage(string path)
    {
        var name = System.Text.Encoding.Unicode.GetBytes("EncryptedPackage");
        using var stream = File.OpenRead(path);
        var buffer = new byte[Math.Min(stream.Length, 4 * 1024 * 1024)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer.AsSpan(0, read).IndexOf(name) >= 0;
    }

    // A Word file is a ZIP package: what its parts expand to is known from the directory before anything is inflated.
    private static ReadResult? CheckPackage(string path, UiLanguage language)
    {
        var span = SourceSpan.StartOf(path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength == 0 ? (entry.Length == 0 ? 0 : long.MaxValue) : entry.Length / entry.CompressedLength;
                if (total > ImportLimits.MaxUnpackedBytes || (entry.Length > 1024 * 1024 && ratio > ImportLimits.MaxCompressionRatio))
                {
                    return ReadResult.Refused(DiagnosticCodes.ImportUnpackedTooLarge.Create(span, language, ImportLimits.Size(ImportLimits.MaxUnpackedBytes)));
                }
            }

            return zip.GetEntry("word/document.xml") is null
                ? ReadResult.Refused(DiagnosticCodes.ImportUnreadable.Create(span, language, "docx", "word/document.xml"))
                : null;
        }
        catch (InvalidDataException e)
        {
            return ReadResult.Refused(DiagnosticCodes.ImportUnreadable.Create(span, language, "docx", e.Message));
        }
    }

    // .doc through LibreOffice when the machine has it: converted to .docx in a folder of its own, then read as one.
    private static ReadResult FromOldWord(string path, UiLanguage language)
    {
        var span = SourceSpan.StartOf(path);
        var soffice = Offices.FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            return ReadResult.Refused(DiagnosticCodes.ImportNeedsLibreOffice.Create(span, language));
        }

        var dir = Path.Combine(Path.GetTempPath(), "planlang-doc-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var info = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { $"-env:UserInstallation=file://{dir}/profile", "--headless", "--convert-to", "docx", "--outdir", dir, path })
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
            }

            var converted = Path.Combine(dir, Path.GetFileNameWithoutExtension(path) + ".docx");
            if (!File.Exists(converted))
            {
                return ReadResult.Refused(DiagnosticCodes.ImportUnreadable.Create(span, language, "doc", error.GetAwaiter().GetResult().Trim()));
            }

            var read = CheckPackage(converted, language) ?? DocxReader.Read(converted, language);
            return read.Document is { } document ? ReadResult.Of(document with { File = path }) : read;
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
