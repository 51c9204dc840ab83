package dev.quarry.benchmarks.mybatis;

import dev.quarry.benchmarks.model.AuthorRow;
import dev.quarry.benchmarks.model.BookRow;
import dev.quarry.benchmarks.model.ItemDto;
import dev.quarry.benchmarks.model.ItemRow;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/** The MyBatis mapper; statements and explicit result maps are in {@code ItemMapper.xml}. */
public interface ItemMapper {
  ItemRow findById(long id);

  List<ItemRow> list(int n);

  List<ItemDto> dto(int n);

  int insert(ItemRow row);

  int updateCounter(@Param("id") long id, @Param("counter") long counter);

  List<AuthorRow> graphJoined();

  List<AuthorRow> authors();

  List<BookRow> booksOf(@Param("ids") Collection<Long> authorIds);

  List<BookRow> booksOfAuthor(long authorId);

  Cursor<ItemRow> stream(int n);
}
