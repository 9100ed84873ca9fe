export { importDocx } from './import-docx.js'
export { readDocx } from './read-docx.js'
export type { DocxBlock, DocxCell, DocxContent, DocxParagraph, DocxRead, DocxTable } from './read-docx.js'
