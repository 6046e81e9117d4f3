"""Word-native review: the officer's own .docx, edited in place.

vbhc never rebuilds the document: it opens the package, changes the few XML elements a comment or
a fix needs, and writes a copy. Every other part, run and property comes out as it went in.

  package   the zip's parts as bytes; XML parts parsed on demand; new parts, relationships and
            content types added; the copy written with the members in their order
  ooxml     WordprocessingML as the editor needs it: property order, runs split at a character,
            revision marks (w:ins, w:del, w:rPrChange, w:pPrChange, w:sectPrChange)
  locate    the reader's paragraphs found again in the XML, and each block's characters in its runs
  edit      one fix's changes applied to the XML (text, run and paragraph properties, page setup,
            page numbers), as tracked changes on request
  annotate  `vbhc check --annotate`: a Word comment at each finding
  fix       `vbhc fix`: safe fixes, text fixes on request, the output checked again and any fix
            that made a new finding undone
"""
