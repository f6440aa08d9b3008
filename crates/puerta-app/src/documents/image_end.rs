//! Where a JPEG or PNG ends, found by walking its segments or chunks as a decoder does, so that
//! anything after the end (an appended ZIP, PDF or script: the usual polyglot) is seen and
//! refused; and how many pages a TIFF has.

use std::io::Cursor;

use super::DocumentRefusal;

/// The offset just after a JPEG's end-of-image marker. Segment lengths are followed (so the
/// thumbnail that EXIF carries, with its own markers, is skipped whole) and entropy-coded data
/// is scanned for the next marker. No end marker: truncated.
pub(super) fn jpeg_end(bytes: &[u8]) -> Result<usize, DocumentRefusal> {
    let corrupt = DocumentRefusal::Corrupt;
    if bytes.get(..2) != Some(&[0xFF, 0xD8]) {
        return Err(corrupt);
    }
    let mut i = 2;
    loop {
        if *bytes.get(i).ok_or(corrupt)? != 0xFF {
            return Err(corrupt);
        }
        // Fill bytes: any number of 0xFF before the marker's code.
        while bytes.get(i) == Some(&0xFF) {
            i += 1;
        }
        let marker = *bytes.get(i).ok_or(corrupt)?;
        i += 1;
        match marker {
            0xD9 => return Ok(i),
            0x00 | 0xD8 => return Err(corrupt),
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => {}
            _ => {
                let length = bytes.get(i..i + 2).ok_or(corrupt)?;
                let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
                if length < 2 || i + length > bytes.len() {
                    return Err(corrupt);
                }
                i += length;
                if marker == 0xDA {
                    i = scan_end(bytes, i).ok_or(corrupt)?;
                }
            }
        }
    }
}

/// After a start-of-scan header: the offset of the next marker that is not a stuffed byte
/// (`FF 00`) or a restart (`FF D0`–`FF D7`).
fn scan_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i += bytes.get(i..)?.iter().position(|&b| b == 0xFF)?;
        match bytes.get(i + 1)? {
            0x00 | 0xD0..=0xD7 => i += 2,
            0xFF => i += 1,
            _ => return Some(i),
        }
    }
}

/// The offset just after a PNG's `IEND` chunk; the first chunk must be `IHDR`.
pub(super) fn png_end(bytes: &[u8]) -> Result<usize, DocumentRefusal> {
    let corrupt = DocumentRefusal::Corrupt;
    let mut i = 8;
    let mut first = true;
    loop {
        let header = bytes.get(i..i + 8).ok_or(corrupt)?;
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]);
        if length > 0x7FFF_FFFF {
            return Err(corrupt);
        }
        let kind = &header[4..8];
        if first && kind != b"IHDR" {
            return Err(corrupt);
        }
        first = false;
        let end = i.checked_add(12 + length as usize).filter(|&end| end <= bytes.len()).ok_or(corrupt)?;
        if kind == b"IEND" {
            return Ok(end);
        }
        i = end;
    }
}

/// How many pages (image directories) a TIFF has, counting at most two.
pub(super) fn tiff_pages(bytes: &[u8]) -> Result<usize, DocumentRefusal> {
    let decoder = tiff::decoder::Decoder::new(Cursor::new(bytes)).map_err(|_| DocumentRefusal::Corrupt)?;
    Ok(if decoder.more_images() { 2 } else { 1 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::samples;

    #[test]
    fn ends_are_found_and_truncation_is_corrupt() {
        for jpeg in [samples::jpeg(), samples::jpeg_with_gps()] {
            assert_eq!(jpeg_end(&jpeg), Ok(jpeg.len()));
            assert_eq!(jpeg_end(&jpeg[..jpeg.len() - 2]), Err(DocumentRefusal::Corrupt));
            assert_eq!(jpeg_end(&jpeg[..jpeg.len() / 2]), Err(DocumentRefusal::Corrupt));
        }
        for png in [samples::png(), samples::png_with_metadata()] {
            assert_eq!(png_end(&png), Ok(png.len()));
            assert_eq!(png_end(&png[..png.len() - 1]), Err(DocumentRefusal::Corrupt));
        }
        assert_eq!(tiff_pages(&samples::tiff()), Ok(1));
        assert_eq!(tiff_pages(&samples::two_page_tiff()), Ok(2));
        assert_eq!(tiff_pages(b"II*\0\xff\xff\xff\xff"), Err(DocumentRefusal::Corrupt));
    }
}
